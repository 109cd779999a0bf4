// The defence score sheet: every change is saved at once (one criterion per request); the Save
// buttons remain for browsers without JavaScript.
(function () {
  "use strict";
  var total = document.querySelector("[data-total]");
  document.querySelectorAll("form[data-score-row]").forEach(function (form) {
    var input = form.querySelector("input[name=points]");
    var status = form.querySelector(".score-status");
    var timer = null;
    function save() {
      status.classList.remove("error");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.json().then(function (data) { return { ok: response.ok, data: data }; });
        })
        .then(function (result) {
          if (result.ok && result.data.ok) {
            status.textContent = result.data.saved;
            if (total) { total.textContent = String(parseFloat(result.data.total)); }
          } else {
            status.textContent = result.data.error || "";
            status.classList.add("error");
          }
        })
        .catch(function () {
          status.textContent = "✗";
          status.classList.add("error");
        });
    }
    function later() { clearTimeout(timer); timer = setTimeout(save, 300); }
    form.querySelectorAll("button.step").forEach(function (button) {
      button.addEventListener("click", function () {
        var max = parseFloat(input.max);
        var value = parseFloat(input.value || "0") + parseFloat(button.dataset.step);
        input.value = Math.max(0, Math.min(isNaN(max) ? value : max, value));
        later();
      });
    });
    input.addEventListener("change", later);
    var comment = form.querySelector("textarea[name=comment]");
    if (comment) { comment.addEventListener("change", later); }
    form.addEventListener("submit", function (event) { event.preventDefault(); save(); });
  });
})();
