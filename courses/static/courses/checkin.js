/* Keep the classroom check-in screen current: its QR code changes every CHECKIN_CODE_SECONDS, and the
 * list of who has checked in grows. The details box stays open or closed across refreshes. */
(function () {
  "use strict";
  var live = document.getElementById("checkin-live");
  if (!live || !window.fetch) return;
  var seconds = Math.max(5, parseInt(live.dataset.refresh, 10) || 10);
  window.setInterval(function () {
    fetch(live.dataset.url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var names = live.querySelector("details");
        var open = names && names.open;
        live.innerHTML = html;
        names = live.querySelector("details");
        if (names && open) names.open = true;
      })
      .catch(function () { /* Keep the last code; the next poll retries. */ });
  }, seconds * 1000);
})();
