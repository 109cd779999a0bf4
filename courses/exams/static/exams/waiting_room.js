// The waiting room's countdown, by the server's clock: the page says what time the server had when
// it answered, so a wrong clock on this device does not open the button early or late. At the
// opening the page asks the server (may I start?) before enabling the button, and asks again,
// with jitter, if the server's answer is not yet.
(function () {
  "use strict";
  var clock = JSON.parse(document.getElementById("sitting-clock").textContent);
  var label = document.getElementById("sitting-countdown");
  var button = document.querySelector("#sitting-start button");
  var opensAt = Date.parse(clock.opens_at);
  var offset = Date.parse(clock.server_now) - Date.now(); // server minus device
  var asking = false;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function open() {
    button.disabled = false;
    label.textContent = label.dataset.openLabel;
  }

  function ask() {
    if (asking) { return; }
    asking = true;
    fetch(window.location.pathname, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        offset = Date.parse(state.server_now) - Date.now();
        if (state.can_start) { open(); } else { setTimeout(function () { asking = false; }, 1000 + Math.random() * 2000); return; }
        asking = false;
      })
      .catch(function () { setTimeout(function () { asking = false; }, 2000 + Math.random() * 3000); });
  }

  function tick() {
    if (!button.disabled) { return; }
    var left = Math.max(0, Math.ceil((opensAt - (Date.now() + offset)) / 1000));
    if (left === 0) { ask(); return; }
    var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    label.textContent = label.dataset.opensLabel + " " + (h ? h + ":" : "") + pad(m) + ":" + pad(s);
  }

  if (clock.open) { open(); return; }
  tick();
  setInterval(tick, 1000);
})();
