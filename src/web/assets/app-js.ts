/**
 * The pages' own script (besides htmx): the focus on the first error of a refused form; a button with
 * `data-confirm` asks before its form is sent, one with `data-print` prints the page; the live inbox.
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
