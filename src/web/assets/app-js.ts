/**
 * The pages' own script (besides htmx): the focus on the first error of a refused form; a button with
 * `data-confirm` asks before its form is sent, a ballot's ticks are limited to its places, one with `data-print` prints the page; the live inbox.
 * EventSource sends the session cookie, the stream
 * (`GET /notifications/stream`) answers `inbox` with the unread count on every change; the badge updates and
 * the panels that listen for `inbox-changed` reload through htmx.
 */
export const APP_JS = `
// After a refused form, the first field in error (or the form's message) takes the focus.
document.addEventListener('DOMContentLoaded', function () {
  var field = document.querySelector('[aria-invalid="true"]');
  var target = field && field.matches('input, select, textarea') ? field
    : field ? field.querySelector('input, select, textarea') : document.querySelector('.alert-error[role="alert"]');
  if (!target) return;
  if (!target.matches('input, select, textarea')) target.setAttribute('tabindex', '-1');
  target.focus();
});
// A part of a form that applies to one choice only (data-when="<field>" data-is="<value>"): hidden and left out
// of what is sent otherwise.
function syncConditional() {
  document.querySelectorAll('[data-when]').forEach(function (box) {
    var control = document.querySelector('[name="' + box.getAttribute('data-when') + '"]');
    if (!control) return;
    var on = control.value === box.getAttribute('data-is');
    box.hidden = !on;
    box.querySelectorAll('input, select, textarea').forEach(function (c) { c.disabled = !on; });
  });
}
document.addEventListener('DOMContentLoaded', syncConditional);
document.addEventListener('change', function (event) {
  var name = event.target && event.target.getAttribute && event.target.getAttribute('name');
  if (name && document.querySelector('[data-when="' + name + '"]')) syncConditional();
});
// Rows of a list (data-rows): a button adds an empty row like the last one, one in each row removes it.
function clearRow(row) {
  row.querySelectorAll('input, select').forEach(function (c) {
    if (c.tagName === 'SELECT') c.selectedIndex = 0; else c.value = '';
    c.removeAttribute('aria-invalid');
    c.removeAttribute('aria-describedby');
  });
  row.querySelectorAll('.field-error').forEach(function (e) { e.remove(); });
}
document.addEventListener('click', function (event) {
  var target = event.target;
  if (!target || !target.closest) return;
  var add = target.closest('[data-add-row]');
  if (add) {
    var body = add.closest('[data-rows]').querySelector('tbody');
    var rows = body.querySelectorAll('[data-row]');
    var next = 0;
    rows.forEach(function (r) { next = Math.max(next, Number(r.getAttribute('data-row')) + 1); });
    var copy = rows[rows.length - 1].cloneNode(true);
    copy.setAttribute('data-row', String(next));
    copy.querySelectorAll('[name]').forEach(function (c) {
      c.name = c.name.replace(/\\.\\d+\\./, '.' + next + '.');
      c.id = c.id.replace(/-\\d+-/, '-' + next + '-');
    });
    copy.querySelectorAll('[aria-label]').forEach(function (c) {
      c.setAttribute('aria-label', c.getAttribute('aria-label').replace(/\\d+$/, String(rows.length + 1)));
    });
    clearRow(copy);
    body.appendChild(copy);
    copy.querySelector('input, select').focus();
    return;
  }
  var remove = target.closest('[data-remove-row]');
  if (remove) {
    var row = remove.closest('[data-row]');
    if (row.parentNode.querySelectorAll('[data-row]').length > 1) row.remove(); else clearRow(row);
  }
});
// A ballot's award takes at most its number of places: the count left is shown, further ticks are disabled
// (the server checks the same).
function limitTicks(fieldset) {
  var max = Number(fieldset.getAttribute('data-max-ticks'));
  var boxes = fieldset.querySelectorAll('input[type="checkbox"]');
  var ticked = 0;
  boxes.forEach(function (b) { if (b.checked) ticked++; });
  boxes.forEach(function (b) { b.disabled = !b.checked && ticked >= max; });
  var left = fieldset.querySelector('[data-ticks-left]');
  if (left) left.textContent = String(Math.max(0, max - ticked));
}
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('fieldset[data-max-ticks]').forEach(limitTicks);
});
document.addEventListener('change', function (event) {
  var fieldset = event.target && event.target.closest && event.target.closest('fieldset[data-max-ticks]');
  if (fieldset) limitTicks(fieldset);
});
document.addEventListener('click', function (event) {
  var target = event.target;
  if (target && target.closest && target.closest('[data-print]')) window.print();
});
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var question = button && button.getAttribute('data-confirm');
  if (question && !window.confirm(question)) event.preventDefault();
});
(function () {
  'use strict';
  var badge = document.querySelector('[data-unread-count]');
  if (!badge || typeof EventSource === 'undefined') return;
  var source;
  function connect() {
    source = new EventSource('/notifications/stream');
    source.addEventListener('inbox', function (event) {
      try {
        var data = JSON.parse(event.data);
        badge.textContent = data.unread > 0 ? String(data.unread) : '';
        document.body.setAttribute('data-inbox-unread', String(data.unread));
        document.body.dispatchEvent(new CustomEvent('inbox-changed', { bubbles: true }));
      } catch (e) {}
    });
    source.onerror = function () {
      // The browser reconnects by itself; a closed stream (signed out) is not reopened.
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 5000);
    };
  }
  connect();
  window.addEventListener('pagehide', function () { if (source) source.close(); });
})();
`;
