/* The paper builder (courses/exams/builder_panels.py): picks fixed questions with the question
 * chooser, keeps each random section's eligible count and the paper's totals current.
 * Sections added later (InlinePanel) are handled by listening on the document. */
(function () {
  'use strict';

  function sectionOf(el) {
    return el.closest('[data-inline-panel-child]');
  }

  function field(section, suffix) {
    return section.querySelector('[name$="-' + suffix + '"]');
  }

  function isDeleted(section) {
    var del = field(section, 'DELETE');
    return section.hidden || (del && (del.value === '1' || del.checked));
  }

  function number(value) {
    var n = parseFloat(String(value || '').replace(',', '.'));
    return isFinite(n) ? n : 0;
  }

  function round2(n) {
    // As the server's floatformat:"-2" writes it: 14, 8.40.
    var r = Math.round(n * 100) / 100;
    return r === Math.round(r) ? String(r) : r.toFixed(2);
  }

  function sections() {
    // The sections' own boxes (nested panels have ids starting the same way).
    return Array.prototype.filter.call(
      document.querySelectorAll('[data-inline-panel-child]'),
      function (s) { return /^inline_child_sections-\d+$/.test(s.id); }
    );
  }

  function kindOf(section) {
    var kind = field(section, 'kind');
    return kind ? kind.value : 'fixed';
  }

  function updateTotals() {
    var box = document.querySelector('[data-paper-totals]');
    if (!box) return;
    var questions = 0, marks = 0;
    sections().forEach(function (section) {
      if (isDeleted(section)) return;
      var count = kindOf(section) === 'random'
        ? number((field(section, 'draw_count') || {}).value)
        : section.querySelectorAll('[data-picked] input[type=hidden]').length;
      questions += count;
      marks += count * number((field(section, 'points_per_question') || {}).value);
    });
    var passInput = document.querySelector('[name="pass_mark"]');
    var pass = passInput ? number(passInput.value) : 0;
    box.querySelector('[data-total-questions]').textContent = String(questions);
    box.querySelector('[data-total-marks]').textContent = round2(marks);
    box.querySelector('[data-pass-percent]').textContent = round2(pass);
    box.querySelector('[data-pass-marks]').textContent = round2(marks * pass / 100);
  }

  function wrapperOf(el) {
    // The field's own box, its label included.
    return el.closest('.w-panel__wrapper') || el.closest('[data-field-wrapper]') || el.parentNode;
  }

  function showKind(section) {
    var random = kindOf(section) === 'random';
    var picker = section.querySelector('[data-question-picker]');
    if (picker) {
      var wrap = wrapperOf(picker);
      wrap.classList.toggle('paper-builder--hidden', random);
    }
    ['banks', 'tags', 'question_type', 'draw_count'].forEach(function (suffix) {
      var input = field(section, suffix);
      var wrap = input && wrapperOf(input);
      if (wrap) wrap.classList.toggle('paper-builder--hidden', !random);
    });
    var eligible = section.querySelector('[data-section-eligible]');
    if (eligible) eligible.hidden = !random;
  }

  var timers = new WeakMap();
  function updateEligible(section) {
    var out = section.querySelector('[data-section-eligible]');
    if (!out || kindOf(section) !== 'random') return;
    clearTimeout(timers.get(section));
    timers.set(section, setTimeout(function () {
      var params = new URLSearchParams();
      var banks = field(section, 'banks');
      if (banks) {
        Array.prototype.forEach.call(
          section.querySelectorAll('[name="' + banks.name + '"]'),
          function (input) {
            if (input.options) {
              Array.prototype.forEach.call(input.selectedOptions, function (o) { params.append('banks', o.value); });
            } else if (input.checked) {
              params.append('banks', input.value);
            }
          }
        );
      }
      params.set('tags', (field(section, 'tags') || {}).value || '');
      params.set('question_type', (field(section, 'question_type') || {}).value || '');
      params.set('draw_count', (field(section, 'draw_count') || {}).value || '0');
      fetch(out.dataset.url + '?' + params.toString(), { credentials: 'same-origin' })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          out.textContent = data.error || data.message;
          out.classList.toggle('is-short', Boolean(data.error) || !data.enough);
        })
        .catch(function () { /* keep the last count: the server says it again on saving */ });
    }, 250));
  }

  function addPicked(picker, item) {
    var list = picker.querySelector('[data-picked]');
    var id = String(item.id);
    if (list.querySelector('[data-question-id="' + id + '"]')) return; // chosen already: no duplicates
    var row = picker.querySelector('template[data-picked-template]').content.firstElementChild.cloneNode(true);
    row.dataset.questionId = id;
    row.querySelector('input').name = picker.dataset.name;
    row.querySelector('input').value = id;
    row.querySelector('.question-picker__name').textContent = item.string || item.title || ('#' + id);
    row.querySelector('[data-preview-link]').href = picker.dataset.previewUrl.replace('/0/', '/' + id + '/');
    list.appendChild(row);
  }

  function refreshPicker(picker) {
    var empty = picker.querySelector('[data-picker-empty]');
    if (empty) empty.hidden = picker.querySelectorAll('[data-picked] li').length > 0;
    updateTotals();
  }

  document.addEventListener('click', function (event) {
    var pick = event.target.closest('[data-pick-questions]');
    if (pick) {
      event.preventDefault();
      var picker = pick.closest('[data-question-picker]');
      // Wagtail's own chooser modal, several at once (its "multiple" mode).
      window.ModalWorkflow({
        url: picker.dataset.chooserUrl,
        urlParams: { multiple: 1 },
        onload: new window.ChooserModalOnloadHandlerFactory().getOnLoadHandlers(),
        responses: {
          chosen: function (result) {
            (Array.isArray(result) ? result : [result]).forEach(function (item) { addPicked(picker, item); });
            refreshPicker(picker);
          },
        },
      });
      return;
    }
    var remove = event.target.closest('[data-remove-question]');
    if (remove) {
      var owner = remove.closest('[data-question-picker]');
      remove.closest('li').remove();
      refreshPicker(owner);
    }
  });

  function onChange(event) {
    var section = sectionOf(event.target);
    if (section) {
      if (/-kind$/.test(event.target.name || '')) showKind(section);
      if (/-(banks|tags|question_type|draw_count|kind)$/.test(event.target.name || '')) updateEligible(section);
    }
    updateTotals();
  }
  document.addEventListener('input', onChange);
  document.addEventListener('change', onChange);

  // Adding, deleting or moving a section (Wagtail's buttons) changes the totals: look again after
  // any click has been handled.
  function refreshAll() {
    sections().forEach(showKind);
    updateTotals();
  }
  document.addEventListener('click', function () { setTimeout(refreshAll, 0); });

  function start() {
    sections().forEach(function (section) { showKind(section); updateEligible(section); });
    updateTotals();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
