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
