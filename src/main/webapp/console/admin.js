// Administration: staff accounts (administrators only; the server refuses others) and the audit log.
import { api } from '../shared/api.js';
import { t } from './i18n.js';
import { esc, render, problem, showRefusal, notice, field, select, fmtDate, download, current } from './ui.js';

const ROLES = () => [['ORGANIZER', t('ORGANIZER')], ['ADMINISTRATOR', t('ADMINISTRATOR')]];

export async function staffView() {
  const at = location.hash;
  let staff = [];
  let refused = '';
  try {
    staff = await api('GET', 'console/staff');
  } catch (e) {
    refused = problem(e);
  }
  if (refused) {
    // an organizer (or an older server) gets the refusal only, not a form that cannot work
    render(`<h1>${esc(t('staff'))}</h1>${refused}`, t('staff'), at);
    return;
  }
  const rows = staff.map((s, i) => `<tr><td>${esc(s.email)}</td><td>${esc(s.fullName)}</td>
    <td><label class="visually-hidden" for="role-${i}">${esc(t('changeRole'))} ${esc(s.email)}</label>
      <select id="role-${i}" data-role="${s.id}">${ROLES().map(([v, l]) => `<option value="${v}"${v === s.role ? ' selected' : ''}>${esc(l)}</option>`).join('')}</select></td>
    <td>${esc(s.active ? t('yes') : t('no'))}</td><td>${esc(fmtDate(s.createdAt))}</td>
    <td><button type="button" class="small secondary" data-active="${s.id}" data-to="${!s.active}">${esc(s.active ? t('disable') : t('enable'))}</button></td></tr>`).join('');
  render(`<h1>${esc(t('staff'))}</h1>${refused}<div id="staff-result" aria-live="polite"></div>
    ${staff.length ? `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(t('staff'))}"><table id="staff"><caption class="visually-hidden">${esc(t('staff'))}</caption><thead><tr>
      ${[t('email'), t('fullName'), t('role'), t('activeAccount'), t('createdAt'), t('actions')].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
      <tbody>${rows}</tbody></table></div>` : ''}
    <section class="card" aria-labelledby="new-staff-h"><h2 id="new-staff-h">${esc(t('createStaff'))}</h2>
      <form id="new-staff" class="grid" novalidate>${field('email', t('email'), { type: 'email', attrs: 'required autocomplete="off"' })}
        ${field('fullName', t('fullName'), { attrs: 'required' })}${select('role', t('role'), ROLES(), 'ORGANIZER')}
        ${field('password', t('password'), { type: 'password', attrs: 'required autocomplete="new-password" minlength="12"', hint: t('passwordHint') })}
        <div class="actions"><button type="submit">${esc(t('createStaff'))}</button></div></form></section>`, t('staff'), at);
  const result = document.getElementById('staff-result');
  const change = async (id, body) => {
    try {
      await api('PUT', `console/staff/${id}`, body);
      current(at);
      await staffView();
      notice(document.getElementById('staff-result'), t('saved'));
    } catch (e) {
      result.innerHTML = problem(e);
    }
  };
  document.querySelectorAll('[data-role]').forEach((s) => s.addEventListener('change', () => change(s.dataset.role, { role: s.value })));
  document.querySelectorAll('[data-active]').forEach((b) => b.addEventListener('click', () => change(b.dataset.active, { active: b.dataset.to === 'true' })));
  const form = document.getElementById('new-staff');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await api('POST', 'console/staff', Object.fromEntries(new FormData(form)));
      current(at);
      await staffView();
      notice(document.getElementById('staff-result'), t('staffCreated', created.email));
    } catch (e) {
      showRefusal(result, form, e);
    }
  });
}

function pretty(json) {
  if (json == null || json === '') return '–';
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      return json;
    }
  }
  return JSON.stringify(value, null, 2);
}

const PAGE = 50;

/** The actions the server records, for the log's filter. */
const ACTIONS = ['contest.create', 'contest.edit', 'contest.define-board', 'contest.remove-board', 'contest.publish',
  'contest.close', 'contest.reopen', 'contest.duplicate', 'bank.import', 'question.edit', 'unit.save', 'unit.import',
  'staff.create', 'staff.change', 'staff.change-password', 'certificate.revoke', 'certificate.resend', 'certificate.reissue'];

export async function auditView(offset = 0, filter = { action: '', q: '' }) {
  const at = location.hash;
  let page = { total: 0, items: [] };
  let refused = '';
  try {
    const query = new URLSearchParams({ offset, limit: PAGE, action: filter.action, q: filter.q });
    page = await api('GET', `console/audit-log?${query}`);
  } catch (e) {
    refused = problem(e);
  }
  const rows = page.items.map((e) => `<tr><td>${esc(fmtDate(e.at))}</td><td>${esc(e.staffEmail ?? e.staffId ?? '–')}</td><td>${esc(e.action)}</td><td>${esc(e.target)}</td>
    <td><details><summary>${esc(t('showChange'))}</summary><div class="diff"><div><strong>${esc(t('before'))}</strong><pre>${esc(pretty(e.before))}</pre></div>
      <div><strong>${esc(t('after'))}</strong><pre>${esc(pretty(e.after))}</pre></div></div></details></td></tr>`).join('');
  const to = Math.min(offset + PAGE, page.total);
  render(`<div class="head"><h1>${esc(t('audit'))}</h1>${download('console/audit-log/export.xlsx', t('exportLog'))}</div>${refused}
    <form id="audit-filter" class="card filters">
      ${select('action', t('action'), [['', t('allActions')]].concat(ACTIONS.map((a) => [a, a])), filter.action)}
      ${field('q', t('auditSearch'), { value: filter.q })}
      <div class="actions"><button type="submit">${esc(t('filter'))}</button></div></form>
    ${page.items.length ? `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(t('audit'))}"><table id="audit"><caption class="visually-hidden">${esc(t('audit'))}</caption><thead><tr>
      ${[t('when'), t('who'), t('action'), t('target'), t('change')].map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>`
    : `<p class="muted">${esc(t('noEntries'))}</p>`}
    <div class="pager"><button type="button" class="secondary" id="prev"${offset > 0 ? '' : ' disabled'}>${esc(t('prev'))}</button>
      <span>${esc(t('pageOf', page.total ? offset + 1 : 0, to, page.total))}</span>
      <button type="button" class="secondary" id="next"${to < page.total ? '' : ' disabled'}>${esc(t('next'))}</button></div>`, t('audit'), at);
  document.getElementById('prev').addEventListener('click', () => { current(at); auditView(Math.max(0, offset - PAGE), filter); });
  document.getElementById('next').addEventListener('click', () => { current(at); auditView(offset + PAGE, filter); });
  document.getElementById('audit-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(event.target);
    current(at);
    auditView(0, { action: String(data.get('action') ?? ''), q: String(data.get('q') ?? '').trim() });
  });
}
