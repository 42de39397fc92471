// Pieces of the console's views: form fields, refusals next to their fields, times, uploads, tables.
// No rule is decided here; the server's answers (and refusals) are shown as they come. Escaping,
// painting a view and a refusal's alert are the shared module's, as in the candidate app.
import { Refusal, Offline } from '../shared/api.js';
import { esc, problem, render as paint } from '../shared/ui.js';
import { t, lang } from './i18n.js';

export { esc, problem };

export const main = () => document.getElementById('main');

/** Thrown instead of painting a view whose hash the reader has already left. */
export class Stale extends Error {}

/** Stops a view (or its in-place reload) started for hash `at` once the location has moved on. */
export function current(at) {
  if (at !== undefined && at !== location.hash) throw new Stale(at);
}

/**
 * Replaces the view. `at` is the hash the view was started for: a view that loads slowly must not
 * paint over the one the reader went to.
 */
export function render(html, title, at) {
  current(at);
  paint(html, `${title} – ${t('console')} – examcert`);
}

/** Puts a refusal into a box, and each per-field error next to its field when the form has it. */
export function showRefusal(box, form, e) {
  box.innerHTML = problem(e);
  if (!form) return;
  form.querySelectorAll('.error').forEach((el) => { el.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const unplaced = [];
  for (const [name, message] of Object.entries((e && e.fields) || {})) {
    // rules are named as the server stores them; the form asks for minutes instead of seconds
    const key = name.replace(/^rules\./, '').replace(/^timeLimitSeconds$/, 'timeLimitMinutes');
    const input = form.querySelector(`[name="${CSS.escape(key)}"]`);
    const error = input && form.querySelector(`#${CSS.escape(input.getAttribute('aria-describedby')?.split(' ')[0] || '')}`);
    if (input && error) {
      input.setAttribute('aria-invalid', 'true');
      error.textContent = message;
    } else {
      unplaced.push(`${name}: ${message}`);
    }
  }
  if (unplaced.length) {
    box.querySelector('.alert').insertAdjacentHTML('beforeend', `<ul>${unplaced.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>`);
  }
}

export function notice(box, text) {
  box.innerHTML = `<div class="alert ok" role="status">${esc(text)}</div>`;
}

let fieldSeq = 0;
/** A labelled input with its error slot; `name` is what the server's field errors name. */
export function field(name, label, { type = 'text', value = '', attrs = '', hint = '', prefix = 'f' } = {}) {
  const id = `${prefix}-${name}-${++fieldSeq}`;
  const hintHtml = hint ? `<div class="hint" id="${id}-h">${esc(hint)}</div>` : '';
  return `<div class="field"><label for="${id}">${esc(label)}</label>
    <input id="${id}" name="${esc(name)}" type="${type}" value="${esc(value)}" ${attrs} aria-describedby="${id}-e${hint ? ` ${id}-h` : ''}">
    ${hintHtml}<div class="error" id="${id}-e"></div></div>`;
}

export function select(name, label, options, selected, { attrs = '', prefix = 'f' } = {}) {
  const id = `${prefix}-${name}-${++fieldSeq}`;
  const opts = options.map(([value, text]) => `<option value="${esc(value)}"${String(value) === String(selected ?? '') ? ' selected' : ''}>${esc(text)}</option>`).join('');
  return `<div class="field"><label for="${id}">${esc(label)}</label>
    <select id="${id}" name="${esc(name)}" ${attrs} aria-describedby="${id}-e">${opts}</select><div class="error" id="${id}-e"></div></div>`;
}

export function checkbox(name, label, checked) {
  const id = `f-${name}-${++fieldSeq}`;
  return `<div class="field check"><input id="${id}" name="${esc(name)}" type="checkbox"${checked ? ' checked' : ''} aria-describedby="${id}-e">
    <label for="${id}">${esc(label)}</label><div class="error" id="${id}-e"></div></div>`;
}

const locale = () => (lang() === 'en' ? 'en-GB' : 'vi-VN');

export function fmtDate(iso) {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short' });
}

export function fmtNumber(n, digits = 2) {
  if (n == null) return '–';
  return Number(n).toLocaleString(locale(), { maximumFractionDigits: digits });
}

export function fmtPercent(rate) {
  if (rate == null) return '–';
  return `${(Number(rate) * 100).toLocaleString(locale(), { maximumFractionDigits: 1 })} %`;
}

export function fmtDuration(seconds) {
  if (seconds == null) return '–';
  const s = Math.round(Number(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** An instant as the value of a datetime-local input, in the browser's time zone. */
export function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local time) as an ISO UTC instant; empty stays undefined so the server names it. */
export function fromLocalInput(value) {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString().replace('.000Z', 'Z');
}

/** Sends a file's bytes as the body, as the import endpoints want; answers and refusals as api() does. */
export async function upload(path, file) {
  const headers = { 'Accept': 'application/json', 'Accept-Language': lang(), 'Content-Type': 'application/octet-stream', 'X-Examcert-Csrf': '1' };
  let response;
  try {
    response = await fetch(`/api/${path}`, { method: 'POST', headers, credentials: 'same-origin', body: await file.arrayBuffer() });
  } catch (e) {
    throw new Offline(e.message);
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const refusal = new Refusal(response.status, data || {});
    refusal.errors = (data && data.errors) || [];
    // the server lists the first errors of a hostile or very broken file and counts the rest
    refusal.errorsTotal = (data && data.errorsTotal) || refusal.errors.length;
    throw refusal;
  }
  return data;
}

/** Downloads are plain links: the session cookie authenticates them. */
export function download(path, text) {
  return `<a class="button secondary" href="/api/${esc(path)}" download>${esc(text)}</a>`;
}

/** The server names places in English ("line 12", "row 7, column Đáp án"); in Vietnamese they read as such. */
export function place(field) {
  if (!field) return '–';
  if (lang() === 'en') return field;
  return field.replace(/\bline (\d+)/, 'dòng $1').replace(/\brow (\d+)/, 'hàng $1').replace(/\bcolumn\b/, 'cột').replace(/^file$/, 'tệp');
}

/**
 * A table of import errors: the place (row/line) and the message, as the server named them; when the
 * server listed only the first of `total`, a last row says how many more there are.
 */
export function errorTable(errors, total = errors.length) {
  const more = total > errors.length ? `<tr><td colspan="2">${esc(t('moreErrors', total - errors.length))}</td></tr>` : '';
  const rows = errors.map((e) => `<tr><td>${esc(place(e.field))}</td><td>${esc(e.message)}</td></tr>`).join('') + more;
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(t('importErrors'))}"><table class="errors"><caption>${esc(t('importErrors'))}</caption>
    <thead><tr><th scope="col">${esc(t('place'))}</th><th scope="col">${esc(t('message'))}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** A table with a sticky header, inside a scrolling box for phones. */
export function table(caption, headers, rows, { id = '', empty = t('noRows'), hiddenCaption = false } = {}) {
  if (!rows.length) return `<p class="muted"${id ? ` id="${id}"` : ''}>${esc(empty)}</p>`;
  // the scrolling box is focusable, so keyboard users can scroll it too
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(caption)}"><table${id ? ` id="${id}"` : ''}><caption${hiddenCaption ? ' class="visually-hidden"' : ''}>${esc(caption)}</caption>
    <thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
    <tbody>${rows.join('')}</tbody></table></div>`;
}

/** The reason an error carries, for reading by code (e.g. upload errors). */
export function refusalErrors(e) {
  if (e && e.errors) return e.errors;
  return Object.entries((e && e.fields) || {}).map(([field, message]) => ({ field, message }));
}

/**
 * Asks in a modal dialog (not window.confirm, which a screen reader and a test driver handle poorly).
 * With `reasonLabel` it also asks for a text and resolves to it (null when cancelled).
 */
export function ask(question, { yes, reasonLabel } = {}) {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.id = 'confirm';
    dialog.setAttribute('aria-labelledby', 'confirm-q');
    dialog.innerHTML = `<form method="dialog"><p id="confirm-q">${esc(question)}</p>
      ${reasonLabel ? `<label for="confirm-reason">${esc(reasonLabel)}</label><textarea id="confirm-reason" rows="3" required></textarea>` : ''}
      <div class="actions"><button type="submit" value="yes" id="confirm-yes">${esc(yes || question)}</button>
      <button type="submit" value="no" class="secondary" id="confirm-no" formnovalidate>${esc(t('cancel'))}</button></div></form>`;
    document.body.append(dialog);
    dialog.addEventListener('close', () => {
      const said = dialog.returnValue === 'yes';
      const reason = reasonLabel ? dialog.querySelector('textarea').value.trim() : '';
      dialog.remove();
      resolve(reasonLabel ? (said ? reason : null) : said);
    });
    dialog.showModal();
  });
}

let leaving = [];
/** Views with timers (dashboard refresh, batch polling) register here what to stop when the view changes. */
export function onLeave(stop) {
  leaving.push(stop);
}

export function leave() {
  leaving.forEach((stop) => stop());
  leaving = [];
}
