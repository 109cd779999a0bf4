/* The lesson page's study timer and the countdown on "mark complete" (TT Academy).
 *
 * The server is the only judge of study time: the timer shows the time it has credited on this lesson
 * (the page's figure plus each heartbeat's `credited_seconds`), and the "mark complete" button opens
 * only when the credited time reaches the course's rule. Between heartbeats the countdown runs second
 * by second while the page is visible and the last heartbeat was credited, so the trainee sees it move;
 * each heartbeat's answer sets it back to what the server counted. When it runs out, the page asks
 * heartbeat.js for a heartbeat at once instead of waiting for the next interval.
 */
(function () {
  "use strict";
  var box = document.getElementById("tta-progress");
  if (!box) return;
  var creditedSpan = box.querySelector("[data-role=credited]");
  var form = box.querySelector("form.mark-complete");
  var button = form && form.querySelector("[data-role=complete-button]");
  var hint = form && form.querySelector("[data-role=complete-hint]");
  var countdown = form && form.querySelector("[data-role=countdown]");

  var credited = creditedSpan ? parseClock(creditedSpan.textContent) : 0;
  var left = form ? parseInt(form.dataset.secondsLeft, 10) || 0 : 0; // as the server last counted
  var syncedAt = Date.now(); // when `left` was last set from the server
  var running = document.visibilityState === "visible"; // the last heartbeat was credited
  var lastEarlyBeat = 0;

  function parseClock(text) {
    return text.split(":").reduce(function (total, part) { return total * 60 + (parseInt(part, 10) || 0); }, 0);
  }

  function clock(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return hours ? hours + ":" + pad(minutes) + ":" + pad(rest) : minutes + ":" + pad(rest);
  }

  function open() {
    left = 0;
    if (button) {
      button.disabled = false;
      button.removeAttribute("aria-describedby");
    }
    if (hint) hint.textContent = form.dataset.readyText;
    countdown = null;
  }

  function tick() {
    if (!countdown || left <= 0) return;
    var elapsed = running && document.visibilityState === "visible" ? (Date.now() - syncedAt) / 1000 : 0;
    var shown = Math.max(0, left - elapsed);
    countdown.textContent = clock(Math.ceil(shown));
    if (shown <= 0 && Date.now() - lastEarlyBeat > 5000) {
      lastEarlyBeat = Date.now();
      box.dispatchEvent(new CustomEvent("tta:beat-now"));
    }
  }

  box.addEventListener("tta:heartbeat", function (event) {
    var data = event.detail || {};
    var gained = data.status === "credited" ? Math.max(0, parseInt(data.credited_seconds, 10) || 0) : 0;
    credited += gained;
    if (creditedSpan) creditedSpan.textContent = clock(credited);
    running = data.status === "credited";
    syncedAt = Date.now();
    if (countdown) {
      left = Math.max(0, left - gained);
      if (left <= 0) open();
      else tick();
    }
  });

  document.addEventListener("visibilitychange", function () {
    // Hidden time earns nothing: the countdown stops at the server's count until a heartbeat is credited again.
    if (document.visibilityState !== "visible") running = false;
    tick();
  });

  if (countdown) window.setInterval(tick, 1000);
})();
