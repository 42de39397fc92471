// Question banks: the list, the two-step import (check, then save), a bank's questions with search,
// paging and an edit form. Import errors are shown where the server placed them (row, line, column).
import { api } from '../shared/api.js';
import { t } from './i18n.js';
import { esc, render, problem, showRefusal, notice, field, select, checkbox, fmtDate, table, upload, download,
  errorTable, refusalErrors, current } from './ui.js';

const PAGE = 20;

/** The format a file most likely has, from its name (and, for .txt, whether it has GIFT's braces). */
export async function guessFormat(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.bank')) return 'bank';
  if (name.endsWith('.gift')) return 'gift';
  if (name.endsWith('.txt')) return (await file.slice(0, 65536).text()).includes('{') ? 'gift' : 'aiken';
  return '';
}

function countsTable(result) {
  return `<dl class="facts counts" id="import-counts">
    <dt>${esc(t('added'))}</dt><dd data-count="added">${result.added}</dd>
    <dt>${esc(t('revised'))}</dt><dd data-count="revised">${result.revised}</dd>
    <dt>${esc(t('unchanged'))}</dt><dd data-count="unchanged">${result.unchanged}</dd>
    <dt>${esc(t('retired'))}</dt><dd data-count="retired">${result.retired}</dd></dl>`;
}

export async function banksView() {
  const at = location.hash;
  render(`<h1>${esc(t('banks'))}</h1><p>${esc(t('loading'))}</p>`, t('banks'), at);
  let banks = [];
  let refused = '';
  try {
    banks = await api('GET', 'console/banks');
  } catch (e) {
    refused = problem(e);
  }
  const rows = banks.map((b) => `<tr><td><a href="#/ngan-hang/${encodeURIComponent(b.code)}">${esc(b.code)}</a></td><td>${esc(b.title)}</td>
    <td class="num">${b.questions}</td><td class="num">${b.retired}</td><td>${esc((b.topics || []).join(', '))}</td><td>${esc(fmtDate(b.importedAt))}</td></tr>`);
  const difficulties = [['EASY', t('EASY')], ['MEDIUM', t('MEDIUM')], ['HARD', t('HARD')]];
  render(`<h1>${esc(t('banks'))}</h1>${refused}
    ${table(t('bankList'), [t('code'), t('title'), t('questions'), t('retiredCount'), t('topics'), t('importedAt')], rows, { id: 'banks', empty: t('noBanks'), hiddenCaption: true })}
    <section class="card" aria-labelledby="import-h"><h2 id="import-h">${esc(t('importBank'))}</h2>
      <form id="import" class="grid" novalidate>
        <div class="field wide"><label for="f-file">${esc(t('file'))}</label>
          <input id="f-file" name="file" type="file" accept=".bank,.xlsx,.gift,.txt" aria-describedby="f-file-e"><div class="error" id="f-file-e"></div></div>
        ${select('format', t('format'), [['', '—'], ['bank', t('fmt_bank')], ['xlsx', t('fmt_xlsx')], ['gift', t('fmt_gift')], ['aiken', t('fmt_aiken')]], '')}
        ${field('bank', t('bankCode'), { attrs: 'list="bank-codes" autocomplete="off"' })}
        <datalist id="bank-codes">${banks.map((b) => `<option value="${esc(b.code)}"></option>`).join('')}</datalist>
        ${field('title', t('bankTitle'))}
        ${field('topic', t('defaultTopic'))}
        ${select('difficulty', t('defaultDifficulty'), [['', '—'], ...difficulties], '')}
        <div class="wide">${checkbox('replace', t('replaceAll'), false)}</div>
        <div class="actions wide"><button type="submit" id="check">${esc(t('check'))}</button>
          <button type="button" id="commit" hidden>${esc(t('commit'))}</button>
          ${download('console/banks/template.xlsx', t('template'))}</div>
      </form><div id="import-result" aria-live="polite"></div></section>`, t('banks'), at);

  const form = document.getElementById('import');
  const fileInput = form.querySelector('[name=file]');
  const out = document.getElementById('import-result');
  const commit = document.getElementById('commit');
  fileInput.addEventListener('change', async () => {
    commit.hidden = true;
    out.innerHTML = '';
    const file = fileInput.files[0];
    if (!file) return;
    const format = await guessFormat(file);
    form.querySelector('[name=format]').value = format;
    // A .bank file names its own bank; the server checks that name against the bank code sent, so it is sent too.
    if (format === 'bank') {
      const head = await file.slice(0, 65536).text();
      const code = head.match(/^bank:\s*(.+)$/m);
      const title = head.match(/^title:\s*(.+)$/m);
      if (code) form.querySelector('[name=bank]').value = code[1].trim();
      if (title) form.querySelector('[name=title]').value = title[1].trim();
    }
  });
  // an existing bank's code fills its title, so re-importing does not rename it by accident
  form.querySelector('[name=bank]').addEventListener('change', (event) => {
    const known = banks.find((b) => b.code === event.target.value.trim());
    if (known) form.querySelector('[name=title]').value = known.title;
  });
  form.addEventListener('input', (event) => { if (event.target !== fileInput) commit.hidden = true; });

  const send = async (dryRun) => {
    const file = fileInput.files[0];
    const errorSlot = document.getElementById('f-file-e');
    errorSlot.textContent = '';
    if (!file) {
      errorSlot.textContent = t('chooseFile');
      fileInput.focus();
      return;
    }
    const data = new FormData(form);
    const query = new URLSearchParams({ format: data.get('format'), replace: String(data.get('replace') === 'on'), dryRun: String(dryRun) });
    for (const key of ['bank', 'title', 'topic', 'difficulty']) {
      const value = String(data.get(key) ?? '').trim();
      if (value) query.set(key, value);
    }
    try {
      const result = await upload(`console/banks/import?${query}`, file);
      if (dryRun) {
        out.innerHTML = `<div class="alert ok" role="status">${esc(t('dryRunOk', result.questions))}</div>${countsTable(result)}`;
        commit.hidden = false;
        commit.focus();
      } else {
        commit.hidden = true;
        current(at);
      await banksView();
        notice(document.getElementById('import-result'), t('importSaved', result.bank));
        document.getElementById('import-result').insertAdjacentHTML('beforeend', countsTable(result));
      }
    } catch (e) {
      commit.hidden = true;
      const errors = refusalErrors(e);
      out.innerHTML = problem(e) + (errors.length ? errorTable(errors, e.errorsTotal) : '');
    }
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); send(true); });
  commit.addEventListener('click', () => send(false));
}

export async function bankView(code, state = { q: '', topic: '', difficulty: '', offset: 0 }) {
  const at = location.hash;
  const banks = await api('GET', 'console/banks').catch(() => []);
  const bank = banks.find((b) => b.code === code) || { code, title: code, topics: [] };
  const query = new URLSearchParams({ offset: String(state.offset), limit: String(PAGE) });
  for (const key of ['q', 'topic', 'difficulty']) if (state[key]) query.set(key, state[key]);
  let page = { total: 0, items: [] };
  let refused = '';
  try {
    page = await api('GET', `console/banks/${encodeURIComponent(code)}/questions?${query}`);
  } catch (e) {
    refused = problem(e);
  }
  const rows = page.items.map((q) => `<tr><td>${esc(q.externalId)}</td><td>${esc(q.topic)}</td><td>${esc(t(q.difficulty))}</td>
    <td>${esc(q.stem)}</td><td>${esc(q.active ? t('active') : t('inactive'))}</td><td class="num">${q.revision}</td>
    <td><button type="button" class="small secondary" data-edit="${q.id}">${esc(t('edit'))}</button></td></tr>`);
  const from = page.total ? state.offset + 1 : 0;
  const to = Math.min(state.offset + PAGE, page.total);
  const topics = [['', t('all')], ...(bank.topics || []).map((x) => [x, x])];
  const difficulties = [['', t('all')], ['EASY', t('EASY')], ['MEDIUM', t('MEDIUM')], ['HARD', t('HARD')]];
  render(`<div class="head"><h1>${esc(bank.title)}</h1>${download(`console/banks/${encodeURIComponent(code)}/export.xlsx`, t('exportXlsx'))}
    ${download(`console/banks/${encodeURIComponent(code)}/export.gift`, t('exportGift'))}</div>
    <p><a href="#/ngan-hang">${esc(t('bankList'))}</a> · ${esc(code)}</p>
    <form id="search" class="card filters" role="search" novalidate>
      ${field('q', t('searchText'), { type: 'search', value: state.q })}
      ${select('topic', t('topic'), topics, state.topic)}
      ${select('difficulty', t('difficulty'), difficulties, state.difficulty)}
      <button type="submit">${esc(t('search'))}</button></form>
    ${refused}<div id="editor"></div>
    ${table(bank.title, [t('externalId'), t('topic'), t('difficulty'), t('stem'), t('status'), t('revision'), t('actions')], rows, { id: 'questions', hiddenCaption: true })}
    <div class="pager"><button type="button" class="secondary" id="prev"${state.offset > 0 ? '' : ' disabled'}>${esc(t('prev'))}</button>
      <span>${esc(t('pageOf', from, to, page.total))}</span>
      <button type="button" class="secondary" id="next"${to < page.total ? '' : ' disabled'}>${esc(t('next'))}</button></div>`, bank.title, at);
  const search = document.getElementById('search');
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(search);
    current(at);
    bankView(code, { q: data.get('q'), topic: data.get('topic'), difficulty: data.get('difficulty'), offset: 0 });
  });
  document.getElementById('prev').addEventListener('click', () => { current(at); bankView(code, { ...state, offset: Math.max(0, state.offset - PAGE) }); });
  document.getElementById('next').addEventListener('click', () => { current(at); bankView(code, { ...state, offset: state.offset + PAGE }); });
  document.querySelectorAll('[data-edit]').forEach((button) => button.addEventListener('click',
    () => questionEditor(code, page.items.find((q) => String(q.id) === button.dataset.edit), bank, () => { current(at); return bankView(code, state); })));
}

function questionEditor(code, question, bank, reload) {
  const box = document.getElementById('editor');
  let options = [...question.options];
  let correct = question.correctOption;
  const draw = (values) => {
    const v = values || { topic: question.topic, difficulty: question.difficulty, stem: question.stem, explanation: question.explanation, source: question.source };
    box.innerHTML = `<form id="question-form" class="card" novalidate><h2 id="question-h" tabindex="-1">${esc(t('editQuestion', question.externalId))}</h2>
      <div id="question-error"></div><div class="grid">
      ${field('topic', t('topic'), { value: v.topic, attrs: `list="topics-${esc(code)}"` })}
      <datalist id="topics-${esc(code)}">${(bank.topics || []).map((x) => `<option value="${esc(x)}"></option>`).join('')}</datalist>
      ${select('difficulty', t('difficulty'), [['EASY', t('EASY')], ['MEDIUM', t('MEDIUM')], ['HARD', t('HARD')]], v.difficulty)}
      <div class="field wide"><label for="q-stem">${esc(t('stem'))}</label><textarea id="q-stem" name="stem" rows="3" aria-describedby="q-stem-e">${esc(v.stem)}</textarea>
        <div class="error" id="q-stem-e"></div></div></div>
      <fieldset><legend>${esc(t('options'))} · ${esc(t('correctOption'))}</legend>
        ${options.map((o, i) => `<div class="option-row"><input type="radio" name="correctOption" value="${i + 1}" id="q-correct-${i}"${i + 1 === correct ? ' checked' : ''}
          aria-label="${esc(t('correctOption'))}: ${esc(t('option', i + 1))}">
          <label for="q-option-${i}" class="visually-hidden">${esc(t('option', i + 1))}</label>
          <input id="q-option-${i}" name="option" value="${esc(o)}">
          ${options.length > 2 ? `<button type="button" class="small secondary" data-drop="${i}" aria-label="${esc(t('removeRow'))} ${esc(t('option', i + 1))}">×</button>` : ''}</div>`).join('')}
        ${options.length < 6 ? `<button type="button" class="small secondary" id="add-option">${esc(t('addOption'))}</button>` : ''}
        <div class="error" id="q-options-e"></div></fieldset>
      <div class="grid">
      <div class="field wide"><label for="q-explanation">${esc(t('explanation'))}</label><textarea id="q-explanation" name="explanation" rows="2">${esc(v.explanation)}</textarea></div>
      ${field('source', t('source'), { value: v.source })}</div>
      <div class="actions"><button type="submit">${esc(t('save'))}</button><button type="button" class="secondary" id="cancel-q">${esc(t('cancel'))}</button></div></form>`;
    const form = document.getElementById('question-form');
    const current = () => {
      const data = new FormData(form);
      options = data.getAll('option');
      correct = Number(data.get('correctOption'));
      return { topic: data.get('topic'), difficulty: data.get('difficulty'), stem: data.get('stem'), explanation: data.get('explanation'), source: data.get('source') };
    };
    form.querySelector('#add-option')?.addEventListener('click', () => { const v2 = current(); options.push(''); draw(v2); });
    form.querySelectorAll('[data-drop]').forEach((b) => b.addEventListener('click', () => {
      const v2 = current();
      const i = Number(b.dataset.drop);
      options.splice(i, 1);
      if (correct === i + 1) correct = 0; else if (correct > i + 1) correct -= 1;
      draw(v2);
    }));
    form.querySelector('#cancel-q').addEventListener('click', () => { box.innerHTML = ''; });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const v2 = current();
      try {
        const saved = await api('PUT', `console/banks/${encodeURIComponent(code)}/questions/${question.id}`, {
          topic: v2.topic, difficulty: v2.difficulty, stem: v2.stem, options, correctOption: correct || null,
          explanation: v2.explanation || null, source: v2.source || null });
        await reload();
        notice(document.getElementById('editor'), t('questionSaved', saved.revision));
      } catch (e) {
        showRefusal(document.getElementById('question-error'), form, e);
      }
    });
  };
  draw();
  document.getElementById('question-h').focus();
}
