// What both apps paint the same way: escaping, replacing the view, and a refusal as an alert.
// No rule is decided here; the server's answers (and refusals) are shown as they come.
import { Refusal, Offline } from './api.js';
import { t } from './i18n.js';

export function esc(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** Replaces the view in #main and the document's title; the h1 takes the focus so screen readers announce the new view. */
export function render(html, documentTitle) {
  const el = document.getElementById('main');
  el.innerHTML = html;
  document.title = documentTitle;
  const heading = el.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

/** A refusal (or a lost connection) as an alert: the server's message, its detail and the incident to quote. */
export function problem(e) {
  if (e instanceof Offline) return `<div class="alert bad" role="alert">${esc(t('networkError'))}</div>`;
  if (!(e instanceof Refusal)) return `<div class="alert bad" role="alert">${esc(e.message)}</div>`;
  const detail = e.detail && e.detail !== e.message ? `<br>${esc(e.detail)}` : '';
  const incident = e.incident ? `<br><code>${esc(e.incident)}</code>` : '';
  return `<div class="alert bad" role="alert"><strong>${esc(e.message)}</strong>${detail}${incident}</div>`;
}
