// The exam page: saves every answer as it changes, keeps unsent answers in localStorage,
// retries on reconnect and, calmly, when the server is busy (503/429 with Retry-After, or a
// proxy's 502/504): jittered exponential backoff. It shows a countdown from the server's clock,
// a question navigator (answered / not answered / flagged), a live word count on essays and a
// summary before submitting, and reports focus loss.
// The server decides everything; this script only keeps it informed.
(function () {
  "use strict";
  var form = document.getElementById("exam-form");
  if (!form) return;
  var config = JSON.parse(document.getElementById("exam-config").textContent);
  var state = JSON.parse(document.getElementById("exam-state").textContent);
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var statusEl = document.getElementById("exam-save-status");
  var countdown = document.getElementById("exam-countdown");
  var nav = document.getElementById("exam-nav");
  var summary = document.getElementById("exam-summary");
  var storageKey = "tta-exam-" + config.attempt;
  var flagsKey = storageKey + "-flags";
  var fieldsets = Array.prototype.slice.call(document.querySelectorAll(".exam-question"));
  var pending = {};       // position -> {position, response, seq} not yet acknowledged
  var pendingFlags = {};  // position -> flagged, not yet acknowledged
  // Answers the server refused (too long, unreadable): not sent again until changed, so they never
  // block the others; kept in localStorage with the pending ones, so nothing typed is lost.
  var refused = {};
  var oneByOne = false;   // after a refused batch: one answer per request, to find the refused one
  var signedOut = false;  // the sign-in lapsed: nothing is saved until it is back
  var signIn = document.getElementById("exam-signin");
  var maxChars = statusEl ? parseInt(statusEl.dataset.maxChars || "0", 10) : 0;
  var lastSeq = 0;
  var timer = null;
  var sending = false;
  var closed = false;
  var submitting = false; // the trainee confirmed: submit once every answer is saved
  var clockOffset = Date.parse(state.server_now) - Date.now();
  // Back-pressure: after a busy answer or a network error, nothing is sent before retryAt.
  var failures = 0;
  var retryAt = 0;
  var retryTimer = null;
  var RETRY_BASE_MS = 1000;
  var RETRY_CAP_MS = 30000;
  var BUSY = { 429: true, 502: true, 503: true, 504: true };

  function showStatus(kind) {
    if (kind === "saved" && Object.keys(refused).length) kind = "refused";  // not all of them
    if (statusEl) statusEl.textContent = statusEl.dataset[kind] || "";
    if (signIn) signIn.hidden = kind !== "signedout";
  }
  function hasPending() {
    return Object.keys(pending).length > 0 || Object.keys(pendingFlags).length > 0;
  }

  function loadStored(key) {
    try { return JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { return {}; }
  }
  function store() {
    try {
      localStorage.setItem(storageKey, JSON.stringify(Object.assign({}, refused, pending)));
      localStorage.setItem(flagsKey, JSON.stringify(pendingFlags));
    } catch (e) { /* private mode */ }
  }

  function nextSeq() {
    // Milliseconds keep the order right across reloads and tabs; +1 keeps it strictly rising.
    lastSeq = Math.max(Date.now(), lastSeq + 1);
    return lastSeq;
  }

  function readResponse(fieldset) {
    var type = fieldset.dataset.type;
    var position = fieldset.dataset.position;
    // Options and prompts are sent by the opaque values the page shows; the server maps them back.
    if (type === "single_choice") {
      var picked = fieldset.querySelector("input:checked");
      return picked ? picked.value : null;
    }
    if (type === "multiple_choice") {
      return Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (el) {
        return el.value;
      });
    }
    if (type === "true_false") {
      var tf = fieldset.querySelector("input:checked");
      return tf ? tf.value === "true" : null;
    }
    if (type === "matching") {
      var chosen = {};
      fieldset.querySelectorAll("select").forEach(function (select) {
        if (select.value !== "") chosen[select.dataset.prompt] = select.value;
      });
      return chosen;
    }
    var field = fieldset.querySelector("[name=q" + position + "]");
    return field ? field.value : null;
  }

  // --- Navigator, flags, word count, summary ---------------------------------------------

  function answered(fieldset) {
    // The rule of presentation.is_answered: something chosen or typed; an essay's template left
    // as it was is not an answer.
    var response = readResponse(fieldset);
    if (response === null || response === undefined) return false;
    if (Array.isArray(response)) return response.length > 0;
    if (typeof response === "object") return Object.keys(response).length > 0;
    if (typeof response === "string") {
      var text = response.trim();
      return text !== "" && text !== (fieldset.dataset.template || "").trim();
    }
    return true;
  }
  function isFlagged(fieldset) {
    return fieldset.dataset.flagged === "true";
  }
  function navItem(position) {
    return nav ? nav.querySelector(".exam-nav-item[data-position='" + position + "']") : null;
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function refresh(fieldset) {
    var link = navItem(fieldset.dataset.position);
    if (!link) return;
    var done = answered(fieldset), flagged = isFlagged(fieldset);
    link.classList.toggle("is-answered", done);
    link.classList.toggle("is-flagged", flagged);
    var words = [link.dataset.label, nav.dataset[done ? "answered" : "unanswered"]];
    if (flagged) words.push(nav.dataset.flagged);
    link.setAttribute("aria-label", words.join(", "));
  }
  function refreshProgress() {
    var progress = document.getElementById("exam-nav-progress");
    if (!progress) return;
    var count = fieldsets.filter(answered).length;
    progress.textContent = fill(progress.dataset.text, { answered: count, total: fieldsets.length });
  }

  function countWords(text) {
    // Chinese (and Japanese, Korean) is counted by character, as 字数 are; other scripts by word.
    var cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
    var characters = (text.match(cjk) || []).length;
    var words = (text.replace(cjk, " ").match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) || []).length;
    return characters + words;
  }
  function refreshWordCount(fieldset) {
    var shown = fieldset.querySelector("[data-word-count]");
    var field = fieldset.querySelector("textarea");
    if (shown && field) shown.textContent = String(countWords(field.value));
  }

  function setFlag(fieldset, flagged) {
    fieldset.dataset.flagged = flagged ? "true" : "false";
    var button = fieldset.querySelector(".exam-flag");
    if (button) button.setAttribute("aria-pressed", flagged ? "true" : "false");
    refresh(fieldset);
  }
  function toggleFlag(fieldset) {
    if (closed) return;
    var flagged = !isFlagged(fieldset);
    setFlag(fieldset, flagged);
    pendingFlags[fieldset.dataset.position] = flagged;
    store();
    schedule();
  }

  function goTo(position) {
    var fieldset = document.getElementById("q" + position);
    if (!fieldset) return;
    if (nav && window.matchMedia("(max-width: 899px)").matches) nav.open = false;
    fieldset.scrollIntoView({ block: "start" });
    fieldset.focus({ preventScroll: true });
    if (history.replaceState) history.replaceState(null, "", "#q" + position);
  }

  function summaryList(section, matching) {
    var list = section.querySelector("ul");
    list.textContent = "";
    matching.forEach(function (fieldset) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      var position = fieldset.dataset.position;
      link.href = "#q" + position;
      link.textContent = navItem(position) ? navItem(position).dataset.label : position;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        summary.close();
        goTo(position);
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    section.hidden = matching.length === 0;
  }
  function openSummary() {
    var unanswered = fieldsets.filter(function (f) { return !answered(f); });
    var flagged = fieldsets.filter(isFlagged);
    var count = document.getElementById("exam-summary-count");
    count.textContent = fill(count.dataset.text, {
      answered: fieldsets.length - unanswered.length, total: fieldsets.length,
    });
    summaryList(document.getElementById("exam-summary-unanswered"), unanswered);
    summaryList(document.getElementById("exam-summary-flagged"), flagged);
    summary.showModal();
    document.getElementById("exam-summary-back").focus();
  }

  // --- Saving, with back-pressure ---------------------------------------------------------

  function showRefusal(position, message) {
    var fieldset = document.getElementById("q" + position);
    if (!fieldset) return;
    var shown = fieldset.querySelector(".exam-answer-error");
    if (!message) {
      if (shown) shown.remove();
      return;
    }
    if (!shown) {
      shown = document.createElement("p");
      shown.className = "exam-answer-error";
      shown.setAttribute("role", "alert");
      fieldset.appendChild(shown);
    }
    shown.textContent = message;
  }
  function refuse(entry, message) {
    // Set aside (shown at its question, kept in this browser): the other answers go on being saved.
    delete pending[entry.position];
    refused[entry.position] = entry;
    showRefusal(entry.position, message);
  }
  function tooLong(entry) {
    return maxChars > 0 && JSON.stringify(entry.response === undefined ? null : entry.response).length > maxChars + 2;
  }

  function queue(fieldset) {
    if (closed) return;
    var position = parseInt(fieldset.dataset.position, 10);
    pending[position] = { position: position, response: readResponse(fieldset), seq: nextSeq() };
    if (refused[position]) {
      delete refused[position];
      showRefusal(position, "");
    }
    if (tooLong(pending[position])) refuse(pending[position], statusEl.dataset.tooLong);
    store();
    refresh(fieldset);
    refreshProgress();
    refreshWordCount(fieldset);
    schedule();
  }
  function schedule() {
    if (!retryAt) showStatus("saving");
    clearTimeout(timer);
    timer = setTimeout(flush, 800);
  }

  function post(url, body, keepalive) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      keepalive: !!keepalive,
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
    });
  }
  function readJson(response) {
    // A proxy's error page may be HTML, or empty: read what can be read.
    return response.json().catch(function () { return {}; });
  }

  function retryDelay(response) {
    // Exponential backoff with jitter, never sooner than the server's Retry-After (seconds or a date).
    var backoff = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * Math.pow(2, failures));
    var delay = backoff / 2 + Math.random() * backoff / 2;
    var header = response && response.headers.get("Retry-After");
    if (header) {
      var wait = /^\d+$/.test(header.trim()) ? parseInt(header, 10) * 1000 : Date.parse(header) - Date.now();
      // Everyone told "retry in 5 s" must not come back in the same millisecond: spread them.
      if (wait > 0) delay = Math.min(wait, 5 * 60000) + Math.random() * Math.min(backoff, wait / 2 + 1000);
    }
    return delay;
  }
  function backOff(response, kind) {
    var delay = retryDelay(response);
    failures += 1;
    retryAt = Date.now() + delay;
    showStatus(kind);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(function () { retryAt = 0; send(); }, delay);
  }
  function recovered() {
    failures = 0;
    retryAt = 0;
    clearTimeout(retryTimer);
  }

  function applyState(body) {
    if (body.deadline !== undefined) state.deadline = body.deadline;
    if (body.server_now) clockOffset = Date.parse(body.server_now) - Date.now();
    if (body.status && body.status !== "in_progress") finish(body.result_url);
  }

  function send() {
    // What the retry timer calls: the answers, then the submission if the trainee asked for it.
    return flush().then(maybeSubmit);
  }
  function maybeSubmit() {
    if (submitting && !hasPending() && !retryAt && !sending) return submitNow();
  }

  function flush(keepalive) {
    var answers = Object.keys(pending).map(function (k) { return pending[k]; });
    if (oneByOne) answers = answers.slice(0, 1);
    var flags = {};
    Object.keys(pendingFlags).forEach(function (k) { flags[k] = pendingFlags[k]; });
    if ((!answers.length && !Object.keys(flags).length) || sending || closed) return Promise.resolve();
    if (retryAt && Date.now() < retryAt && !keepalive) return Promise.resolve();  // the retry timer sends
    sending = true;
    var body = { answers: answers };
    if (Object.keys(flags).length) body.flags = flags;
    return post(config.answers, body, keepalive)
      .then(function (response) {
        if (BUSY[response.status]) { backOff(response, "busy"); return; }
        var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (response.status === 401 || response.status === 403 || response.redirected || (response.ok && !json)) {
          // The sign-in lapsed (a redirect to the sign-in page is a 200 of HTML): nothing was saved.
          // Everything stays pending; the regular retry sends it once the trainee has signed in again.
          signedOut = true;
          showStatus("signedout");
          return;
        }
        return readJson(response).then(function (reply) {
          if (response.status === 400 && !answers.length) {
            Object.keys(flags).forEach(function (k) { delete pendingFlags[k]; });  // no page sends such flags
            store();
          } else if (response.status === 400 && answers.length > 1) {
            oneByOne = true;  // which one? one per request until this batch is through
          } else if (response.status === 400 && answers.length === 1) {
            refuse(answers[0], reply.error || statusEl.dataset.refused);
            store();
            showStatus(hasPending() ? "saving" : "saved");
          }
          if (response.status === 400 && hasPending()) setTimeout(send, 200);
          if (response.ok) {
            recovered();
            signedOut = false;
            answers.forEach(function (a) {
              var stored = reply.saved && reply.saved[String(a.position)];
              if (pending[a.position] && stored >= pending[a.position].seq) delete pending[a.position];
            });
            Object.keys(flags).forEach(function (k) {
              if (pendingFlags[k] === flags[k]) delete pendingFlags[k];
            });
            store();
            if (!Object.keys(pending).length) oneByOne = false;
            else if (oneByOne) setTimeout(send, 200);
            showStatus(submitting ? "submitting" : hasPending() ? "saving" : "saved");
          }
          applyState(reply);
        });
      })
      .catch(function () { backOff(null, "offline"); })
      .then(function () {
        sending = false;
        maybeSubmit();  // a submission asked for while this save was on its way
      });
  }

  function submitNow() {
    if (closed || sending) return Promise.resolve();
    sending = true;
    return post(config.submit, {})
      .then(function (response) {
        if (BUSY[response.status]) { backOff(response, "busy"); return; }
        var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (response.status === 401 || response.status === 403 || response.redirected || (response.ok && !json)) {
          signedOut = true;
          showStatus("signedout");  // submitted once signed in again: the retry below sends it
          return;
        }
        return readJson(response).then(function (reply) {
          if (response.ok) recovered();
          applyState(reply);
        });
      })
      .catch(function () { backOff(null, "offline"); })
      .then(function () { sending = false; });
  }

  function finish(resultUrl) {
    if (closed) return;
    closed = true;
    showStatus("closed");
    try {
      localStorage.removeItem(storageKey);
      localStorage.removeItem(flagsKey);
    } catch (e) { /* ignore */ }
    window.location.assign(resultUrl || state.result_url);
  }

  function tick() {
    if (!state.deadline || closed) return;
    var left = Date.parse(state.deadline) - (Date.now() + clockOffset);
    if (left <= 0) {
      countdown.textContent = "00:00";
      // The server submits at the deadline by itself; this only takes the trainee to the result
      // (once, then retried like any save while the server is busy).
      if (!submitting) {
        submitting = true;
        send();
      }
      return;
    }
    var seconds = Math.floor(left / 1000);
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    countdown.textContent = (h ? h + ":" : "") + String(m).padStart(2, "0") + ":" + String(s).padStart(2, "0");
  }

  function report(kind, detail) {
    if (closed) return;
    post(config.events, { kind: kind, detail: detail || {} }, true).catch(function () {});
  }

  // Answers and flags changed before a crash or a closed tab that the server never acknowledged.
  var stored = loadStored(storageKey);
  var storedFlags = loadStored(flagsKey);
  fieldsets.forEach(function (fieldset) {
    var position = parseInt(fieldset.dataset.position, 10);
    lastSeq = Math.max(lastSeq, parseInt(fieldset.dataset.seq, 10) || 0);
    var saved = stored[position];
    if (saved && saved.seq > (parseInt(fieldset.dataset.seq, 10) || 0)) {
      pending[position] = saved;
      if (tooLong(saved)) refuse(saved, statusEl.dataset.tooLong);
    }
    if (typeof storedFlags[position] === "boolean") {
      pendingFlags[position] = storedFlags[position];
      setFlag(fieldset, storedFlags[position]);
    }
    fieldset.addEventListener("change", function () { queue(fieldset); });
    fieldset.addEventListener("input", function () { queue(fieldset); });
    var flagButton = fieldset.querySelector(".exam-flag");
    if (flagButton) flagButton.addEventListener("click", function () { toggleFlag(fieldset); });
    refresh(fieldset);
    refreshWordCount(fieldset);
  });
  refreshProgress();
  if (hasPending()) flush();

  if (nav) {
    // Open beside the questions on a wide screen; folded away on a phone until asked for
    // (and again when a tablet turns, or a window narrows, from one to the other).
    var narrow = window.matchMedia("(max-width: 899px)");
    nav.open = !narrow.matches;
    narrow.addEventListener("change", function () { nav.open = !narrow.matches; });
    nav.addEventListener("click", function (event) {
      var link = event.target.closest(".exam-nav-item[data-position]");
      if (!link) return;
      event.preventDefault();
      goTo(link.dataset.position);
    });
  }
  var bar = document.querySelector(".exam-bar");
  function measureBar() {
    // The navigator and a question jumped to sit below the sticky bar, however it wraps.
    if (bar) document.documentElement.style.setProperty("--exam-bar-height", bar.offsetHeight + "px");
  }
  measureBar();
  window.addEventListener("resize", measureBar);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (closed) return;
    if (summary && summary.showModal) {
      openSummary();
    } else {  // a browser without <dialog>: no summary, straight to the submission
      submitting = true;
      send();
    }
  });
  if (summary) {
    document.getElementById("exam-summary-back").addEventListener("click", function () { summary.close(); });
    document.getElementById("exam-summary-submit").addEventListener("click", function () {
      summary.close();
      submitting = true;
      clearTimeout(timer);
      showStatus("submitting");
      // Saved answers first; the submission follows (retried like a save while the server is busy).
      if (!retryAt) send();
    });
  }
  window.addEventListener("online", function () {
    recovered();
    send();
  });
  setInterval(function () {
    if (hasPending()) flush();
    else if (submitting && signedOut) send();  // the submission refused while signed out
  }, 5000);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      report("focus_lost", { via: "visibilitychange" });
      flush(true);
    }
  });
  window.addEventListener("blur", function () { report("focus_lost", { via: "blur" }); });
  window.addEventListener("pagehide", function () { flush(true); });
  tick();
  setInterval(tick, 1000);
})();
