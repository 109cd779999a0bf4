// The exam page: saves every answer as it changes, keeps unsent answers in localStorage,
// retries on reconnect, shows a countdown from the server's clock and reports focus loss.
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
  var storageKey = "tta-exam-" + config.attempt;
  var pending = {};   // position -> {position, response, seq} not yet acknowledged
  var lastSeq = 0;
  var timer = null;
  var sending = false;
  var closed = false;
  var clockOffset = Date.parse(state.server_now) - Date.now();

  function showStatus(kind) {
    if (statusEl) statusEl.textContent = statusEl.dataset[kind] || "";
  }

  function loadStored() {
    try { return JSON.parse(localStorage.getItem(storageKey) || "{}"); } catch (e) { return {}; }
  }
  function store() {
    try { localStorage.setItem(storageKey, JSON.stringify(pending)); } catch (e) { /* private mode */ }
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

  function queue(fieldset) {
    if (closed) return;
    var position = parseInt(fieldset.dataset.position, 10);
    pending[position] = { position: position, response: readResponse(fieldset), seq: nextSeq() };
    store();
    showStatus("saving");
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

  function applyState(body) {
    if (body.deadline !== undefined) state.deadline = body.deadline;
    if (body.server_now) clockOffset = Date.parse(body.server_now) - Date.now();
    if (body.status && body.status !== "in_progress") finish(body.result_url);
  }

  function flush(keepalive) {
    var answers = Object.keys(pending).map(function (k) { return pending[k]; });
    if (!answers.length || sending || closed) return Promise.resolve();
    sending = true;
    return post(config.answers, { answers: answers }, keepalive)
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.ok) {
            answers.forEach(function (a) {
              var stored = body.saved[String(a.position)];
              if (pending[a.position] && stored >= pending[a.position].seq) delete pending[a.position];
            });
            store();
            showStatus(Object.keys(pending).length ? "saving" : "saved");
          }
          applyState(body);
        });
      })
      .catch(function () { showStatus("offline"); })
      .then(function () { sending = false; });
  }

  function finish(resultUrl) {
    if (closed) return;
    closed = true;
    showStatus("closed");
    try { localStorage.removeItem(storageKey); } catch (e) { /* ignore */ }
    window.location.assign(resultUrl || state.result_url);
  }

  function tick() {
    if (!state.deadline || closed) return;
    var left = Date.parse(state.deadline) - (Date.now() + clockOffset);
    if (left <= 0) {
      countdown.textContent = "00:00";
      // The server submits at the deadline by itself; this only takes the trainee to the result.
      flush().then(function () {
        post(config.submit, {}).then(function (r) { return r.json(); }).then(applyState).catch(function () {});
      });
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

  // Answers typed before a crash or a closed tab that the server never acknowledged.
  var stored = loadStored();
  document.querySelectorAll(".exam-question").forEach(function (fieldset) {
    var position = parseInt(fieldset.dataset.position, 10);
    lastSeq = Math.max(lastSeq, parseInt(fieldset.dataset.seq, 10) || 0);
    var saved = stored[position];
    if (saved && saved.seq > (parseInt(fieldset.dataset.seq, 10) || 0)) pending[position] = saved;
    fieldset.addEventListener("change", function () { queue(fieldset); });
    fieldset.addEventListener("input", function () { queue(fieldset); });
  });
  if (Object.keys(pending).length) flush();

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!window.confirm(form.dataset.confirm)) return;
    clearTimeout(timer);
    flush().then(function () { if (!Object.keys(pending).length) form.submit(); });
  });
  window.addEventListener("online", function () { flush(); });
  setInterval(function () { if (Object.keys(pending).length) flush(); }, 5000);
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
