/* Keep the classroom check-in screen's QR code current: it changes every minute. */
(function () {
  "use strict";
  var live = document.getElementById("checkin-live");
  if (!live || !window.fetch) return;
  var seconds = Math.max(5, parseInt(live.dataset.refresh, 10) || 10);
  window.setInterval(function () {
    fetch(live.dataset.url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html) live.innerHTML = html; })
      .catch(function () { /* Keep the last code; the next poll retries. */ });
  }, seconds * 1000);
})();
