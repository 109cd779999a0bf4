/* Active study time for TT Academy lesson pages.
 *
 * While the page is visible, send a heartbeat every `data-interval` seconds with the lesson id, the
 * signed page view the server rendered into this page (`data-view`: one per page load, so each tab
 * has its own) and an increasing sequence number; whether the page stayed visible since the last
 * heartbeat and whether the trainee did anything (pointer, keys, scrolling, a playing video); plus
 * the ranges of the page's videos actually played on this page load and their length. When the page
 * is hidden, one last heartbeat closes the visible stretch; when it shows again, one heartbeat marked
 * "not visible" closes the hidden one. The server decides what to credit (nothing for a hidden or
 * idle page), adding the ranges up across page loads; this script only reports and shows what the
 * server says. No third-party tracker.
 */
(function () {
  "use strict";
  var box = document.getElementById("tta-progress");
  if (!box || !window.fetch) return;

  var url = box.dataset.heartbeatUrl;
  var lesson = box.dataset.lesson;
  var intervalMs = Math.max(1, parseInt(box.dataset.interval, 10) || 30) * 1000;
  var csrf = box.dataset.csrf;
  var view = box.dataset.view;
  var seq = 0;
  var timer = null;
  var stopped = false; // the server refused this page view: reloading is the only way on
  var visibleSince = document.visibilityState === "visible"; // visible throughout since the last heartbeat
  var interacted = true; // opening the page counts as interaction

  function touch() { interacted = true; }
  // Captured on the window, so media events (which do not bubble) count too: a playing video is attention.
  ["pointerdown", "pointermove", "keydown", "wheel", "scroll", "touchstart", "timeupdate"].forEach(function (name) {
    window.addEventListener(name, touch, { passive: true, capture: true });
  });
  function videoPlaying() {
    var videos = document.querySelectorAll("video");
    for (var i = 0; i < videos.length; i++) {
      if (!videos[i].paused && !videos[i].ended) return true;
    }
    return false;
  }
  var MAX_RANGES = 100; // the most the server accepts in one heartbeat

  function tenths(seconds) {
    return Math.round(seconds * 10) / 10;
  }

  // The [start, end] seconds of the page's uploaded videos that have really been played (not
  // merely skipped over), the videos laid end to end, and their total length. Nothing until every
  // video's length is known. The server credits watched time only as fast as study time allows and
  // against the length the lesson's editors gave; the length measured here serves only lessons
  // saved before editors were asked for one.
  function videoReport() {
    var videos = document.querySelectorAll("video");
    var ranges = [];
    var total = 0;
    for (var i = 0; i < videos.length; i++) {
      var video = videos[i];
      if (!isFinite(video.duration) || video.duration <= 0) return null;
      for (var r = 0; r < video.played.length; r++) {
        ranges.push([tenths(total + video.played.start(r)), tenths(total + video.played.end(r))]);
      }
      total += video.duration;
    }
    if (ranges.length > MAX_RANGES) {
      // Much skipping about: keep the longest ranges, which cover the most.
      ranges.sort(function (a, b) { return (b[1] - b[0]) - (a[1] - a[0]); });
      ranges = ranges.slice(0, MAX_RANGES);
    }
    return total > 0 ? { ranges: ranges, duration: total } : null;
  }

  function showVideo(data) {
    if (typeof data.video_fraction !== "number") return;
    var percent = box.querySelector("[data-role=video-percent]");
    if (percent) percent.textContent = String(Math.floor(data.video_fraction * 100));
    var capped = box.querySelector("[data-role=video-capped]");
    if (capped) capped.hidden = !data.video_capped;
  }

  function notice(text) {
    var element = box.querySelector("[data-role=notice]");
    if (!element) return;
    element.textContent = text || "";
    element.hidden = !text;
  }

  // `wasVisible`: whether the page was visible all the time since the previous heartbeat.
  function beat(wasVisible, closing) {
    if (stopped) return;
    seq += 1;
    var body = {
      lesson: lesson,
      view: view,
      seq: seq,
      visible: wasVisible,
      interacted: interacted || videoPlaying(),
      closing: Boolean(closing) // hidden now (another lesson opened, tab left): no longer beating
    };
    interacted = false;
    var video = videoReport();
    if (video !== null) {
      body.video_ranges = video.ranges;
      body.video_duration = tenths(video.duration);
    }
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body)
    })
      .then(function (response) {
        if (response.status === 403) {
          // No valid page view (expired, or not this trainee's): say why and stop beating.
          return response.json().then(function (data) {
            if (data && data.status === "refused") {
              stopped = true;
              stop();
              notice(data.error);
            }
            return null;
          });
        }
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        // The lesson's study timer and "mark complete" countdown (lesson_timer.js) follow the server's answer.
        box.dispatchEvent(new CustomEvent("tta:heartbeat", { detail: data || { status: "error" } }));
        if (data) {
          showVideo(data);
          notice(data.status === "idle" ? box.dataset.idleText : "");
        }
        if (data && data.lesson_completed) {
          var status = box.querySelector("[data-role=status]");
          if (status) status.textContent = "✓ " + box.dataset.completedText;
        }
      })
      .catch(function () { /* Offline for a moment: the next heartbeat carries on. */ });
  }

  function start() {
    if (timer === null && !stopped) {
      timer = window.setInterval(function () { beat(visibleSince && document.visibilityState === "visible"); }, intervalMs);
    }
  }

  function stop() {
    if (timer !== null) {
      window.clearInterval(timer);
      timer = null;
    }
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      beat(false); // close the hidden stretch: it earns nothing
      visibleSince = true;
      interacted = true; // coming back to the page is interaction
      start();
    } else {
      stop();
      beat(visibleSince, true); // the visible stretch up to now; this page view stops beating
      visibleSince = false;
    }
  });
  // The countdown ran out: report the stretch studied so far now rather than at the next interval.
  box.addEventListener("tta:beat-now", function () {
    if (document.visibilityState === "visible") beat(visibleSince);
  });
  if (document.visibilityState === "visible") start();
})();
