// Contests: the list, the create/edit form with every rule, a contest's page (boards, preview,
// publish, close, reopen, duplicate). The server checks every rule; the form only carries them.
import { api } from '../shared/api.js';
import { t, lang } from './i18n.js';
import { esc, render, problem, showRefusal, notice, field, select, checkbox, fmtDate, fmtNumber, toLocalInput,
  fromLocalInput, table, ask, download, current } from './ui.js';

export async function contestsView() {
  const at = location.hash;
  render(`<h1>${esc(t('contests'))}</h1><p>${esc(t('loading'))}</p>`, t('contests'), at);
  const contests = await api('GET', 'console/contests');
  const rows = contests.map((c) => `<tr><td><a href="#/cuoc-thi/${c.id}">${esc(c.code)}</a></td><td>${esc(c.title)}</td>
    <td>${esc(t(c.kind))}</td><td><span class="state ${esc(c.state)}">${esc(t(c.state))}</span></td>
    <td>${esc(fmtDate(c.opensAt))} – ${esc(fmtDate(c.closesAt))}</td><td>${c.publishedVersion ?? '–'}</td></tr>`);
  render(`<div class="head"><h1>${esc(t('contests'))}</h1><a class="button" href="#/cuoc-thi/moi" id="create-contest">${esc(t('createContest'))}</a></div>
    ${table(t('contests'), [t('code'), t('title'), t('kind'), t('state'), t('window'), t('publishedVersion')], rows,
    { id: 'contests', empty: t('noContests'), hiddenCaption: true })}`, t('contests'), at);
}

function rulesFields(r, bandKeys) {
  const opts = (keys) => keys.map((k) => [k, t(k)]);
  const bands = bandKeys.length ? select('passingBand', t('passingBand'), bandKeys.map((b) => [b.key, lang() === 'en' ? b.labelEn : b.labelVi]), r.passingBand)
    : field('passingBand', t('passingBand'), { value: r.passingBand });
  return `<fieldset class="grid"><legend>${esc(t('rules'))}</legend>
    ${field('timeLimitMinutes', t('timeLimit'), { type: 'number', value: r.timeLimitSeconds != null ? r.timeLimitSeconds / 60 : '', attrs: 'min="1" step="any"' })}
    ${field('questionsPerAttempt', t('questionsPerAttempt'), { type: 'number', value: r.questionsPerAttempt, attrs: 'min="1"' })}
    ${field('pointsPerQuestion', t('pointsPerQuestion'), { type: 'number', value: r.pointsPerQuestion, attrs: 'min="0" step="any"' })}
    ${field('maxAttempts', t('maxAttempts'), { type: 'number', value: r.maxAttempts ?? '', attrs: 'min="1"', hint: t('maxAttemptsHint') })}
    ${select('officialAttempt', t('officialAttempt'), opts(['HIGHEST_SCORE', 'LAST_SUBMITTED', 'FIRST_SUBMITTED']), r.officialAttempt)}
    ${bands}
    ${select('review', t('review'), opts(['SCORE_ONLY', 'CORRECT_ANSWERS']), r.review)}
    ${select('certificates', t('certificatesRule'), opts(['ON_PASS', 'AT_CLOSE', 'NONE']), r.certificates)}
    ${field('certificateTemplate', t('certificateTemplate'), { value: r.certificateTemplate })}
    ${field('minAge', t('minAge'), { type: 'number', value: r.minAge, attrs: 'min="0"' })}
    ${field('maxAge', t('maxAge'), { type: 'number', value: r.maxAge, attrs: 'min="0"' })}
    ${field('graceSeconds', t('graceSeconds'), { type: 'number', value: r.graceSeconds, attrs: 'min="0"' })}
    ${checkbox('shuffleQuestions', t('shuffleQuestions'), r.shuffleQuestions)}
    ${checkbox('shuffleOptions', t('shuffleOptions'), r.shuffleOptions)}
    <div class="wide">${field('tieBreakQuestion', t('tieBreakQuestion'), { value: r.tieBreakQuestion ?? '', hint: t('tieBreakHint') })}</div>
  </fieldset>`;
}

/** Where and by whom certificates are signed; an empty field takes the service's configured default. */
function signingFields(c) {
  return `<fieldset class="grid"><legend>${esc(t('signing'))}</legend>
    ${field('certificatePlace', t('certificatePlace'), { value: c?.certificatePlace ?? '', attrs: 'maxlength="100"', hint: t('signingHint') })}
    ${field('signatoryTitle', t('signatoryTitle'), { value: c?.signatoryTitle ?? '', attrs: 'maxlength="100"', hint: t('signingHint') })}
    ${field('signatoryName', t('signatoryName'), { value: c?.signatoryName ?? '', attrs: 'maxlength="100"', hint: t('signingHint') })}
  </fieldset>`;
}

function readSigning(form) {
  const data = new FormData(form);
  const text = (key) => String(data.get(key) ?? '').trim() || null;
  return { certificatePlace: text('certificatePlace'), signatoryTitle: text('signatoryTitle'), signatoryName: text('signatoryName') };
}

/** The rules as the form holds them; empty number fields are left out so the server keeps (or defaults) them. */
function readRules(form) {
  const data = new FormData(form);
  const rules = {};
  const number = (key, target = key, scale = 1) => {
    const raw = String(data.get(key) ?? '').trim();
    if (raw !== '') rules[target] = Number.isNaN(Number(raw)) ? raw : Math.round(Number(raw) * scale * 1000) / 1000;
  };
  number('timeLimitMinutes', 'timeLimitSeconds', 60);
  number('questionsPerAttempt');
  number('pointsPerQuestion');
  number('minAge');
  number('maxAge');
  number('graceSeconds');
  const attempts = String(data.get('maxAttempts') ?? '').trim();
  rules.maxAttempts = attempts === '' ? null : Number(attempts);
  for (const key of ['officialAttempt', 'passingBand', 'review', 'certificates', 'certificateTemplate']) {
    const value = String(data.get(key) ?? '').trim();
    if (value !== '') rules[key] = value;
  }
  rules.shuffleQuestions = data.get('shuffleQuestions') === 'on';
  rules.shuffleOptions = data.get('shuffleOptions') === 'on';
  const tieBreak = String(data.get('tieBreakQuestion') ?? '').trim();
  rules.tieBreakQuestion = tieBreak === '' ? null : tieBreak;
  return rules;
}

export async function contestFormView(id) {
  const at = location.hash;
  const contest = id ? await api('GET', `console/contests/${id}`) : null;
  // A new contest starts from the server's defaults for its kind, shown in the form so nothing is hidden.
  const defaults = (kind) => api('GET', `console/contests/defaults?kind=${kind}`);
  const r = contest ? contest.rules : await defaults('CERTIFICATION');
  const bandKeys = r.bands.bands;
  const title = contest ? `${t('editContest')}: ${contest.code}` : t('createContest');
  render(`<h1>${esc(title)}</h1><div id="form-error"></div>
    <form id="contest-form" class="card" novalidate>
      <fieldset class="grid"><legend>${esc(t('contests'))}</legend>
        ${contest ? `<p class="wide"><strong>${esc(t('code'))}:</strong> ${esc(contest.code)}</p>` : field('code', t('code'), { attrs: 'required autocomplete="off"' })}
        ${field('title', t('title'), { value: contest?.title, attrs: 'required' })}
        <div class="field wide"><label for="f-description">${esc(t('description'))}</label>
          <textarea id="f-description" name="description" rows="3" aria-describedby="f-description-e">${esc(contest?.description)}</textarea>
          <div class="error" id="f-description-e"></div></div>
        ${contest ? `<p><strong>${esc(t('kind'))}:</strong> ${esc(t(contest.kind))}</p>`
    : select('kind', t('kind'), [['CERTIFICATION', t('CERTIFICATION')], ['STUDY_QUIZ', t('STUDY_QUIZ')]], 'CERTIFICATION')}
        ${field('opensAt', t('opensAt'), { type: 'datetime-local', value: toLocalInput(contest?.opensAt), attrs: 'required' })}
        ${field('closesAt', t('closesAt'), { type: 'datetime-local', value: toLocalInput(contest?.closesAt), attrs: 'required' })}
      </fieldset>
      <div id="rules-fields">${rulesFields(r, bandKeys)}</div>
      ${signingFields(contest)}
      <div class="actions"><button type="submit">${esc(t('save'))}</button>
        <a class="button secondary" href="${contest ? `#/cuoc-thi/${contest.id}` : '#/cuoc-thi'}">${esc(t('cancel'))}</a></div>
    </form>`, title, at);
  const form = document.getElementById('contest-form');
  form.elements.kind?.addEventListener('change', async () => {
    const kindDefaults = await defaults(form.elements.kind.value);
    document.getElementById('rules-fields').innerHTML = rulesFields(kindDefaults, kindDefaults.bands.bands);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = { title: data.get('title'), description: data.get('description') || null,
      opensAt: fromLocalInput(data.get('opensAt')), closesAt: fromLocalInput(data.get('closesAt')), rules: readRules(form),
      ...readSigning(form) };
    try {
      let saved;
      if (contest) {
        saved = await api('PUT', `console/contests/${contest.id}`, body);
      } else {
        saved = await api('POST', 'console/contests', { code: data.get('code'), kind: data.get('kind'), ...body });
      }
      location.hash = `#/cuoc-thi/${saved.id}`;
    } catch (e) {
      showRefusal(document.getElementById('form-error'), form, e);
    }
  });
}

function drawSummary(draw) {
  return (draw || []).map((d) => `${d.count} × ${d.bank}${d.topic ? ` / ${d.topic}` : ''}${d.difficulty ? ` / ${t(d.difficulty)}` : ''}`).join('; ');
}

function passingLabel(r) {
  const band = (r.bands?.bands || []).find((b) => b.key === r.passingBand);
  return band ? (lang() === 'en' ? band.labelEn : band.labelVi) : r.passingBand;
}

export async function contestView(id) {
  const at = location.hash;
  const [contest, banks] = await Promise.all([api('GET', `console/contests/${id}`),
    api('GET', 'console/banks').catch((e) => ({ refused: e }))]);
  const r = contest.rules;
  // rules and boards change only while a draft: the server refuses it after publishing, so the page does not offer it
  const draft = contest.state === 'DRAFT';
  const boards = contest.boards.map((b) => `<tr><td>${esc(b.code)}</td><td>${esc(b.name)}</td><td>${b.questions}</td>
    <td>${esc(drawSummary(b.draw))}</td><td class="row-actions"><a href="#/cuoc-thi/${id}/xem-truoc/${encodeURIComponent(b.code)}">${esc(t('preview'))}</a>
      ${draft ? `<button type="button" class="small secondary" data-edit-board="${esc(b.code)}">${esc(t('edit'))}</button>
      <button type="button" class="small secondary" data-remove-board="${esc(b.code)}">${esc(t('remove'))}</button>` : ''}</td></tr>`);
  const lifecycle = [];
  if (contest.state === 'DRAFT') lifecycle.push(`<button type="button" id="publish">${esc(t('publish'))}</button>`);
  if (contest.state === 'PUBLISHED') lifecycle.push(`<button type="button" id="close" class="secondary">${esc(t('close'))}</button>`);
  render(`<div class="head"><h1>${esc(contest.title)}</h1><span class="state ${esc(contest.state)}" id="contest-state">${esc(t(contest.state))}</span></div>
    <p class="muted">${esc(contest.code)} · ${esc(t(contest.kind))} · ${esc(fmtDate(contest.opensAt))} – ${esc(fmtDate(contest.closesAt))}
      ${contest.publishedVersion ? ` · ${esc(t('publishedVersion'))} ${contest.publishedVersion}` : ''}</p>
    ${contest.description ? `<p>${esc(contest.description)}</p>` : ''}
    <nav class="subnav" aria-label="${esc(contest.title)}">
      <a href="#/cuoc-thi/${id}/theo-doi">${esc(t('dashboard'))}</a> <a href="#/cuoc-thi/${id}/xep-hang">${esc(t('rankings'))}</a>
      <a href="#/cuoc-thi/${id}/chung-nhan">${esc(t('certificates'))}</a>${draft ? ` <a href="#/cuoc-thi/${id}/sua">${esc(t('editContest'))}</a>` : ''}</nav>
    <div id="action-result"></div>
    <section class="card" aria-labelledby="boards-h"><div class="head"><h2 id="boards-h">${esc(t('boards'))}</h2>
      ${draft ? `<button type="button" id="add-board">${esc(t('addBoard'))}</button>` : ''}</div>
      ${table(t('boards'), [t('code'), t('name'), t('questions'), t('draw'), t('actions')], boards, { id: 'boards', empty: t('noBoards'), hiddenCaption: true })}
      <div id="board-editor"></div></section>
    <div class="pair">
    <section class="card" aria-labelledby="lifecycle-h"><h2 id="lifecycle-h">${esc(t('state'))}</h2>
      <div class="actions">${lifecycle.join('')}</div>
      <div class="split">
      ${contest.state !== 'DRAFT' ? `<details><summary>${esc(t('reopen'))}</summary><form id="reopen" novalidate>
        ${field('closesAt', t('reopenUntil'), { type: 'datetime-local', attrs: 'required' })}<button type="submit">${esc(t('reopen'))}</button></form></details>` : ''}
      <details><summary>${esc(t('duplicate'))}</summary><form id="duplicate" novalidate>
        ${field('code', t('newCode'), { attrs: 'required autocomplete="off"' })}${field('title', t('newTitle'), { value: contest.title, attrs: 'required' })}
        ${field('opensAt', t('opensAt'), { type: 'datetime-local', value: toLocalInput(contest.opensAt) })}
        ${field('closesAt', t('closesAt'), { type: 'datetime-local', value: toLocalInput(contest.closesAt) })}
        <button type="submit">${esc(t('duplicate'))}</button></form></details></div>
    </section>
    <section class="card" aria-labelledby="rules-h"><h2 id="rules-h">${esc(t('rules'))}</h2>
      <dl class="facts">
        <dt>${esc(t('timeLimit'))}</dt><dd>${fmtNumber(r.timeLimitSeconds / 60)}</dd>
        <dt>${esc(t('questionsPerAttempt'))}</dt><dd>${r.questionsPerAttempt}</dd>
        <dt>${esc(t('maxScore'))}</dt><dd>${fmtNumber(r.maxScore)}</dd>
        <dt>${esc(t('maxAttempts'))}</dt><dd>${r.maxAttempts ?? esc(t('unlimited'))}</dd>
        <dt>${esc(t('officialAttempt'))}</dt><dd>${esc(t(r.officialAttempt))}</dd>
        <dt>${esc(t('passingBand'))}</dt><dd>${esc(passingLabel(r))}</dd>
        <dt>${esc(t('certificatesRule'))}</dt><dd>${esc(t(r.certificates))}</dd>
        ${r.tieBreakQuestion ? `<dt>${esc(t('tieBreakQuestion'))}</dt><dd>${esc(r.tieBreakQuestion)}</dd>` : ''}
      </dl></section>
    </div>
    <section class="card" aria-labelledby="signing-h"><h2 id="signing-h">${esc(t('signing'))}</h2>
      <p class="muted">${esc(t('signingAnyTime'))}</p>
      <form id="signing" novalidate>${signingFields(contest)}<div class="actions"><button type="submit">${esc(t('save'))}</button></div></form>
      <div id="signing-result"></div></section>
    <section class="card" aria-labelledby="exports-h"><h2 id="exports-h">${esc(t('exports'))}</h2><div class="actions">
      ${download(`console/contests/${id}/results.xlsx`, t('resultsXlsx'))} ${download(`console/contests/${id}/results.csv`, t('resultsCsv'))}
      ${download(`console/contests/${id}/units-report.xlsx`, t('unitsReport'))}</div></section>`, contest.title, at);

  const result = document.getElementById('action-result');
  const act = async (button, call) => {
    if (button) button.disabled = true;
    try {
      await call();
    } catch (e) {
      result.innerHTML = problem(e);
      if (button) button.disabled = false;
    }
  };
  document.getElementById('publish')?.addEventListener('click', async (event) => {
    if (!await ask(t('confirmPublish'), { yes: t('publish') })) return;
    await act(event.target, async () => {
      const published = await api('POST', `console/contests/${id}/publish`);
      current(at);
      await contestView(id);
      notice(document.getElementById('action-result'), t('published', published.version, published.questionsFrozen));
    });
  });
  document.getElementById('close')?.addEventListener('click', async (event) => {
    if (!await ask(t('confirmClose'), { yes: t('close') })) return;
    await act(event.target, async () => {
      await api('POST', `console/contests/${id}/close`);
      current(at);
      await contestView(id);
    });
  });
  const reopen = document.getElementById('reopen');
  reopen?.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', `console/contests/${id}/reopen`, { closesAt: fromLocalInput(new FormData(reopen).get('closesAt')) });
      current(at);
      await contestView(id);
    } catch (e) {
      showRefusal(result, reopen, e);
    }
  });
  // the place and signatory may change in every state: certificates already issued keep theirs
  const signing = document.getElementById('signing');
  signing.addEventListener('submit', async (event) => {
    event.preventDefault();
    const shown = document.getElementById('signing-result');
    try {
      await api('PUT', `console/contests/${id}`, readSigning(signing));
      signing.querySelectorAll('.error').forEach((e) => { e.textContent = ''; });
      signing.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
      notice(shown, t('saved'));
    } catch (e) {
      showRefusal(shown, signing, e);
    }
  });
  const duplicate = document.getElementById('duplicate');
  duplicate.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(duplicate);
    try {
      const copy = await api('POST', `console/contests/${id}/duplicate`, { code: data.get('code'), title: data.get('title'),
        opensAt: fromLocalInput(data.get('opensAt')), closesAt: fromLocalInput(data.get('closesAt')) });
      location.hash = `#/cuoc-thi/${copy.id}`;
    } catch (e) {
      showRefusal(result, duplicate, e);
    }
  });
  document.querySelectorAll('[data-remove-board]').forEach((button) => button.addEventListener('click', async () => {
    const code = button.dataset.removeBoard;
    if (!await ask(t('confirmRemoveBoard', code), { yes: t('remove') })) return;
    await act(button, async () => {
      await api('DELETE', `console/contests/${id}/boards/${encodeURIComponent(code)}`);
      current(at);
      await contestView(id);
    });
  }));
  const editor = (board) => boardEditor(contest, board, banks, at);
  document.getElementById('add-board')?.addEventListener('click', () => editor(null));
  document.querySelectorAll('[data-edit-board]').forEach((button) => button.addEventListener('click',
    () => editor(contest.boards.find((b) => b.code === button.dataset.editBoard))));
}

function drawRow(banks, row, n) {
  const bankList = Array.isArray(banks) ? banks : [];
  const bank = bankList.find((b) => b.code === row.bank);
  const topics = [['', t('anyTopic')], ...((bank && bank.topics) || []).map((x) => [x, x])];
  if (row.topic && !topics.some(([v]) => v === row.topic)) topics.push([row.topic, row.topic]);
  const bankField = bankList.length
    ? select('bank', t('bank'), [['', '—'], ...bankList.map((b) => [b.code, `${b.title} (${b.code}, ${b.questions})`])], row.bank, { prefix: `d${n}` })
    : field('bank', t('bank'), { value: row.bank, prefix: `d${n}` });
  return `<fieldset class="draw-row" data-row="${n}"><legend>${esc(t('draw'))} ${n + 1}</legend>${bankField}
    ${select('topic', t('topic'), topics, row.topic ?? '', { prefix: `d${n}` })}
    ${select('difficulty', t('difficulty'), [['', t('anyDifficulty')], ['EASY', t('EASY')], ['MEDIUM', t('MEDIUM')], ['HARD', t('HARD')]], row.difficulty ?? '', { prefix: `d${n}` })}
    ${field('count', t('count'), { type: 'number', value: row.count ?? '', attrs: 'min="1"', prefix: `d${n}` })}
    <button type="button" class="small secondary" data-remove-row="${n}">${esc(t('removeRow'))}</button></fieldset>`;
}

function boardEditor(contest, board, banks, at) {
  const box = document.getElementById('board-editor');
  let rows = board ? board.draw.map((d) => ({ ...d })) : [{ bank: '', count: '' }];
  const readRows = (form) => [...form.querySelectorAll('.draw-row')].map((fs) => ({
    bank: fs.querySelector('[name=bank]').value, topic: fs.querySelector('[name=topic]').value,
    difficulty: fs.querySelector('[name=difficulty]').value, count: fs.querySelector('[name=count]').value }));
  const draw = () => {
    box.innerHTML = `<form id="board-form" class="subcard" novalidate><h3 id="board-form-h" tabindex="-1">${esc(board ? `${t('editBoard')}: ${board.code}` : t('addBoard'))}</h3>
      <div id="board-error"></div>
      ${board ? '' : field('code', t('code'), { attrs: 'required autocomplete="off"' })}
      ${field('name', t('name'), { value: board?.name, attrs: 'required' })}
      ${banks.refused ? problem(banks.refused) : ''}
      ${rows.map((row, n) => drawRow(banks, row, n)).join('')}
      <div class="actions"><button type="button" class="secondary" id="add-row">${esc(t('addDrawRow'))}</button>
        <button type="submit">${esc(t('save'))}</button><button type="button" class="secondary" id="cancel-board">${esc(t('cancel'))}</button></div></form>`;
    const form = document.getElementById('board-form');
    // a bank's topics fill the topic select, so choosing a bank redraws its row
    form.querySelectorAll('select[name=bank]').forEach((input) => input.addEventListener('change', () => {
      rows = readRows(form);
      keep(form);
    }));
    form.querySelector('#add-row').addEventListener('click', () => { rows = [...readRows(form), { bank: '', count: '' }]; keep(form); });
    form.querySelectorAll('[data-remove-row]').forEach((b) => b.addEventListener('click', () => {
      rows = readRows(form).filter((_, i) => i !== Number(b.dataset.removeRow));
      keep(form);
    }));
    form.querySelector('#cancel-board').addEventListener('click', () => { box.innerHTML = ''; });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const code = board ? board.code : form.querySelector('[name=code]').value.trim();
      const body = { name: form.querySelector('[name=name]').value, draw: readRows(form).map((d) => {
        const out = { bank: d.bank, count: d.count === '' ? null : Number(d.count) };
        if (d.topic) out.topic = d.topic;
        if (d.difficulty) out.difficulty = d.difficulty;
        return out;
      }) };
      try {
        await api('PUT', `console/contests/${contest.id}/boards/${encodeURIComponent(code)}`, body);
        current(at);
      await contestView(contest.id);
      } catch (e) {
        showRefusal(document.getElementById('board-error'), form, e);
      }
    });
  };
  // re-drawing the form keeps what was typed in the name and code
  const keep = (form) => {
    const name = form.querySelector('[name=name]').value;
    const code = form.querySelector('[name=code]')?.value;
    draw();
    const again = document.getElementById('board-form');
    again.querySelector('[name=name]').value = name;
    if (code != null) again.querySelector('[name=code]').value = code;
  };
  draw();
  document.getElementById('board-form-h').focus();
}

export async function previewView(id, boardCode) {
  const at = location.hash;
  const paper = await api('GET', `console/contests/${id}/boards/${encodeURIComponent(boardCode)}/preview`);
  const title = t('previewOf', paper.board?.name ?? paper.board ?? boardCode);
  // the server's preview carries fewer facts than the contract listed (no bank, id or difficulty): show what is there
  const facts = (q) => [q.bank, q.externalId, q.topic, q.difficulty && t(q.difficulty)].filter(Boolean).join(' · ');
  const questions = paper.questions.map((q) => `<li class="card"><p class="muted">${esc(facts(q))}</p>
    <p><strong>${esc(q.stem)}</strong></p><ol class="options" type="A">${q.options.map((o, n) => n + 1 === q.correctOption
    ? `<li class="correct"><strong>${esc(o)}</strong> <span class="tag ok">${esc(t('correctOption'))}</span></li>` : `<li>${esc(o)}</li>`).join('')}</ol>
    ${q.explanation ? `<p class="muted"><strong>${esc(t('explanation'))}:</strong> ${esc(q.explanation)}</p>` : ''}</li>`);
  render(`<h1>${esc(title)}</h1><p><a href="#/cuoc-thi/${id}">${esc(t('back'))}</a> · ${esc(t('questionCount', paper.questions.length))}</p>
    <ol class="paper" id="preview">${questions.join('')}</ol>`, title, at);
}
