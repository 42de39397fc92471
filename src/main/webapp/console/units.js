// Units (đơn vị): the table with inline edit, a new unit, and the .xlsx import (check, then save).
import { api } from '../shared/api.js';
import { t } from './i18n.js';
import { esc, render, problem, showRefusal, notice, field, upload, download, errorTable, refusalErrors, current } from './ui.js';

export async function unitsView() {
  const at = location.hash;
  render(`<h1>${esc(t('units'))}</h1><p>${esc(t('loading'))}</p>`, t('units'), at);
  let units = [];
  let refused = '';
  try {
    units = await api('GET', 'console/units');
  } catch (e) {
    refused = problem(e);
  }
  // every row is its own small form, so a unit is saved where it is edited
  const rows = units.map((u, i) => `<tr data-unit="${esc(u.code)}"><td>${esc(u.code)}</td>
    <td><label class="visually-hidden" for="u-name-${i}">${esc(t('name'))} ${esc(u.code)}</label><input id="u-name-${i}" name="name" value="${esc(u.name)}" form="u-form-${i}"></td>
    <td><label class="visually-hidden" for="u-exp-${i}">${esc(t('expectedMembers'))} ${esc(u.code)}</label><input id="u-exp-${i}" name="expectedMembers" type="number" min="0" value="${esc(u.expectedMembers)}" form="u-form-${i}"></td>
    <td><form id="u-form-${i}" data-code="${esc(u.code)}" class="inline"><button type="submit" class="small">${esc(t('save'))}</button></form></td></tr>`).join('');
  render(`<h1>${esc(t('units'))}</h1>${refused}<div id="unit-result" aria-live="polite"></div>
    ${units.length ? `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(t('unitList'))}"><table id="units"><caption class="visually-hidden">${esc(t('unitList'))}</caption>
      <thead><tr><th scope="col">${esc(t('code'))}</th><th scope="col">${esc(t('name'))}</th><th scope="col">${esc(t('expectedMembers'))}</th><th scope="col">${esc(t('actions'))}</th></tr></thead>
      <tbody>${rows}</tbody></table></div>` : `<p class="muted">${esc(t('noUnits'))}</p>`}
    <section class="card" aria-labelledby="add-unit-h"><h2 id="add-unit-h">${esc(t('addUnit'))}</h2>
      <form id="add-unit" class="grid" novalidate>${field('code', t('code'), { attrs: 'required' })}${field('name', t('name'), { attrs: 'required' })}
        ${field('expectedMembers', t('expectedMembers'), { type: 'number', attrs: 'min="0"' })}<div class="actions"><button type="submit">${esc(t('save'))}</button></div></form></section>
    <section class="card" aria-labelledby="import-units-h"><h2 id="import-units-h">${esc(t('importUnits'))}</h2>
      <form id="import-units" novalidate><div class="field"><label for="u-file">${esc(t('file'))}</label>
        <input id="u-file" name="file" type="file" accept=".xlsx" aria-describedby="u-file-e"><div class="error" id="u-file-e"></div></div>
        <div class="actions"><button type="submit">${esc(t('check'))}</button><button type="button" id="commit-units" hidden>${esc(t('commitUnits'))}</button>
        ${download('console/units/template.xlsx', t('template'))} ${download('console/units/export.xlsx', t('exportXlsx'))}</div></form>
      <div id="units-import-result" aria-live="polite"></div></section>`, t('units'), at);

  const result = document.getElementById('unit-result');
  const save = async (code, name, expected, form) => {
    try {
      await api('PUT', `console/units/${encodeURIComponent(code)}`, { name, expectedMembers: expected === '' ? null : Number(expected) });
      notice(result, t('saved'));
      return true;
    } catch (e) {
      showRefusal(result, form, e);
      return false;
    }
  };
  document.querySelectorAll('form[data-code]').forEach((form) => form.addEventListener('submit', (event) => {
    event.preventDefault();
    const row = form.closest('tr');
    save(form.dataset.code, row.querySelector('[name=name]').value, row.querySelector('[name=expectedMembers]').value, null);
  }));
  const add = document.getElementById('add-unit');
  add.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(add);
    if (await save(String(data.get('code')).trim(), data.get('name'), String(data.get('expectedMembers')), add)) current(at);
      await unitsView();
  });
  const importForm = document.getElementById('import-units');
  const commit = document.getElementById('commit-units');
  const out = document.getElementById('units-import-result');
  const send = async (dryRun) => {
    const file = importForm.querySelector('[name=file]').files[0];
    document.getElementById('u-file-e').textContent = file ? '' : t('chooseFile');
    if (!file) return;
    try {
      const r = await upload(`console/units/import?dryRun=${dryRun}`, file);
      if (dryRun) {
        out.innerHTML = `<div class="alert ok" role="status">${esc(t('unitsDryRun', r.units, r.added, r.updated))}</div>`;
        commit.hidden = false;
      } else {
        current(at);
      await unitsView();
        notice(document.getElementById('units-import-result'), t('unitsSaved', r.units));
      }
    } catch (e) {
      commit.hidden = true;
      const errors = refusalErrors(e);
      out.innerHTML = problem(e) + (errors.length ? errorTable(errors, e.errorsTotal) : '');
    }
  };
  importForm.querySelector('[name=file]').addEventListener('change', () => { commit.hidden = true; out.innerHTML = ''; });
  importForm.addEventListener('submit', (event) => { event.preventDefault(); send(true); });
  commit.addEventListener('click', () => send(false));
}
