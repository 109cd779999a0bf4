// The question editor: rows added, removed and reordered in place, and a live preview rendered by
// the server with the trainee's own template. Without this script the form still works: "add
// another" sends the form back with one more row, ORDER numbers are typed, "Show the preview" fills
// the frame.
(function () {
  "use strict";

  function setUp(editor) {
    var form = editor.closest("form");
    var body = editor.querySelector("[data-rows]");
    var template = editor.querySelector("[data-row-template]");
    var total = editor.querySelector("input[name$='-TOTAL_FORMS']");

    function rows() {
      return Array.prototype.filter.call(body ? body.querySelectorAll("[data-row]") : [], function (row) {
        return !row.classList.contains("is-removed");
      });
    }

    function renumber() {
      rows().forEach(function (row, index) {
        var order = row.querySelector("input[name$='-ORDER']");
        if (order) order.value = index + 1;
      });
    }

    function enhance(row) {
      var order = row.querySelector("input[name$='-ORDER']");
      if (order) order.type = "hidden";
      row.querySelectorAll("[data-move]").forEach(function (button) {
        button.hidden = false;
      });
      var remove = row.querySelector("input[name$='-DELETE']");
      if (remove) {
        remove.addEventListener("change", function () {
          row.classList.toggle("is-removed", remove.checked);
          renumber();
          schedulePreview();
        });
      }
    }

    if (body) {
      rows().forEach(enhance);
      renumber();
      body.addEventListener("click", function (event) {
        var button = event.target.closest("[data-move]");
        if (!button) return;
        var row = button.closest("[data-row]");
        var visible = rows();
        var index = visible.indexOf(row);
        if (button.dataset.move === "up" && index > 0) body.insertBefore(row, visible[index - 1]);
        if (button.dataset.move === "down" && index < visible.length - 1) body.insertBefore(visible[index + 1], row);
        renumber();
        button.focus();
        schedulePreview();
      });
    }

    var add = editor.querySelector("[data-add-row]");
    if (add && template && total) {
      add.addEventListener("click", function (event) {
        event.preventDefault();
        var html = template.innerHTML.replace(/__prefix__/g, total.value);
        total.value = parseInt(total.value, 10) + 1;
        var holder = document.createElement("tbody");
        holder.innerHTML = html.trim();
        var row = holder.firstElementChild;
        body.appendChild(row);
        enhance(row);
        renumber();
        var first = row.querySelector("input[type=text], textarea, select");
        if (first) first.focus();
      });
    }

    // The live preview.
    var frame = editor.querySelector("[data-preview-frame]");
    var url = editor.dataset.previewUrl;
    var timer = null;
    var pending = null;

    function refresh() {
      if (!frame || !form) return;
      if (pending) pending.abort();
      pending = new AbortController();
      fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin", signal: pending.signal })
        .then(function (response) { return response.text(); })
        .then(function (html) { frame.srcdoc = html; })
        .catch(function () {});
    }

    function schedulePreview() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    }

    if (form && frame) {
      form.addEventListener("input", schedulePreview);
      form.addEventListener("change", schedulePreview);
      var button = editor.querySelector("[data-preview-button]");
      if (button) {
        button.addEventListener("click", function (event) {
          event.preventDefault();
          refresh();
        });
      }
      refresh();
    }
  }

  function start() {
    document.querySelectorAll("[data-question-editor]").forEach(setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
