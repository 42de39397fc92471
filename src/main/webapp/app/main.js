// The candidate app: a few views switched by the location hash. No business rule is decided here:
// the server says what is open, what is allowed, what a score is worth.
import { api, Refusal, Offline, showQueue, sleep } from '../shared/api.js';
import { esc, problem, render as paint } from '../shared/ui.js';
import { t, lang, setLang, BOARDS } from './i18n.js';
import { labelLanguageButton } from '../shared/i18n.js';
import { examView } from './exam.js';

const main = document.getElementById('main');
let me = null;
let ticker = null;
// The first starts of an opening minute are spread over this many milliseconds (random per candidate).
const OPENING_JITTER_MS = 3000;

function fmtDate(iso) {
  return new Date(iso).toLocaleString(lang() === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short' });
}

export function render(html, title) {
  paint(html, `${title} – examcert`);
}

async function whoAmI() {
  try {
    me = await api('GET', 'me');
  } catch (e) {
    me = null;
  }
  const nav = document.getElementById('nav');
  nav.innerHTML = `<a href="#/">${esc(t('contests'))}</a>` + (me
    ? `<a href="#/chung-nhan">${esc(t('certificates'))}</a><button type="button" class="link" id="logout">${esc(t('logout'))}</button>`
    : `<a href="#/dang-nhap">${esc(t('login'))}</a><a href="#/dang-ky">${esc(t('register'))}</a>`);
  const logout = document.getElementById('logout');
  if (logout) {
    logout.addEventListener('click', async () => {
      await api('DELETE', 'session');
      me = null;
      location.hash = '#/';
      route();
    });
  }
  labelLanguageButton(document.getElementById('lang'));
}

function countdownText(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const two = (n) => String(n).padStart(2, '0');
  const days = Math.floor(total / 86400);
  const clock = `${two(Math.floor((total % 86400) / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
  return days ? `${days} × 24 h + ${clock}` : clock;
}

// A start: in the first minute after the opening (on the server's clock) the first request waits a
// random 0–3 s, so that a room that pressed "Bắt đầu" at the same second does not arrive at once.
async function startAttempt(button, contestId, opensAt, serverNow) {
  button.disabled = true;
  try {
    const sinceOpening = serverNow() - Date.parse(opensAt);
    if (sinceOpening >= 0 && sinceOpening < 60000) {
      const jitter = Math.random() * OPENING_JITTER_MS;
      showQueue(jitter / 1000);
      await sleep(jitter);
    }
    const started = await api('POST', `contests/${contestId}/attempts`, {});
    location.hash = `#/thi/${started.paper.attemptId}`;
  } catch (e) {
    showQueue(null);
    button.disabled = false;
    document.getElementById('start-error').innerHTML = problem(e);
  }
}

async function contestsView() {
  render(`<h1>${esc(t('contests'))}</h1><p>${esc(t('loading'))}</p>`, t('contests'));
  const contests = await api('GET', 'contests');
  const cards = await Promise.all(contests.map(async (c) => {
    const r = c.rules;
    const standing = me ? await api('GET', `contests/${c.id}/result`).catch(() => null) : null;
    const attempts = r.maxAttempts == null ? t('unlimited') : String(r.maxAttempts);
    const left = standing && standing.attemptsLeft != null ? ` (${t('attemptsLeft', standing.attemptsLeft)})` : '';
    const upcoming = !c.open && new Date(c.opensAt) > new Date(c.serverNow);
    const state = c.open ? t('open') : (upcoming ? t('notOpen') : t('closed'));
    let action = '';
    if (upcoming) {
      action = `<p class="countdown" data-opens="${esc(c.opensAt)}" data-contest="${c.id}"><span>${esc(t('opensIn'))}</span>
        <strong role="timer" class="countdown-clock">${esc(countdownText(Date.parse(c.opensAt) - Date.parse(c.serverNow)))}</strong></p>`;
      // Log-ins hash a password on purpose slowly: the crowd logs in before the opening, not in its first minute.
      if (!me) action += `<a class="button secondary" href="#/dang-nhap">${esc(t('loginBeforeOpening'))}</a>`;
    }
    if (c.open && !me) action = `<a class="button" href="#/dang-nhap">${esc(t('loginToStart'))}</a>`;
    else if (c.open && standing && standing.inProgressAttemptId) action = `<button type="button" data-start="${c.id}">${esc(t('resume'))}</button>`;
    else if (c.open && (standing == null || standing.attemptsLeft == null || standing.attemptsLeft > 0)) {
      action = `<button type="button" data-start="${c.id}">${esc(standing && standing.attempts.length ? t('retake') : t('start'))}</button>`;
    }
    const resultLink = standing && standing.attempts.length ? ` <a class="button secondary" href="#/ket-qua/${c.id}">${esc(t('result'))}</a>` : '';
    return `<article class="card"><h2>${esc(c.title)}</h2>
      <p class="muted">${esc(c.kind === 'CERTIFICATION' ? t('kindCert') : t('kindQuiz'))} · ${esc(state)} ·
        ${esc(t('window'))}: ${esc(fmtDate(c.opensAt))} – ${esc(fmtDate(c.closesAt))}</p>
      ${c.description ? `<p>${esc(c.description)}</p>` : ''}
      <ul class="rules"><li>${esc(t('rulesTime', Math.round(r.timeLimitSeconds / 60)))}</li>
        <li>${esc(t('rulesQuestions', r.questionsPerAttempt, r.maxScore))}</li>
        <li>${esc(t('rulesAttempts', attempts))}${esc(left)}</li>
        ${me && standing && standing.board ? `<li>${esc(t('board'))}: ${esc(boardName(standing.board, c))}</li>` : ''}</ul>
      <div class="actions">${action}${resultLink}</div></article>`;
  }));
  render(`<h1>${esc(t('contests'))}</h1>${me ? `<p>${esc(t('hello', me.fullName))}</p>` : ''}
    <div id="start-error"></div><p id="opened" class="visually-hidden" role="status"></p>${cards.join('') || `<p>${esc(t('noContests'))}</p>`}`, t('contests'));
  // The server's clock, corrected for this device's skew: the countdown and the jitter never trust the device.
  const skew = contests.length ? Date.parse(contests[0].serverNow) - Date.now() : 0;
  const serverNow = () => Date.now() + skew;
  const opensAtOf = (id) => contests.find((c) => String(c.id) === String(id)).opensAt;
  main.querySelectorAll('[data-start]').forEach((button) => button.addEventListener('click',
    () => startAttempt(button, button.dataset.start, opensAtOf(button.dataset.start), serverNow)));
  const tick = () => {
    const countdowns = main.querySelectorAll('[data-opens]');
    if (!countdowns.length) {
      clearInterval(ticker);
      ticker = null;
    }
    countdowns.forEach((countdown) => {
      const left = Date.parse(countdown.dataset.opens) - serverNow();
      if (left > 0) {
        countdown.querySelector('.countdown-clock').textContent = countdownText(left);
        return;
      }
      // opened: the button appears in place, no reload (the server still decides at the start itself)
      const id = countdown.dataset.contest;
      const actions = countdown.parentNode;
      if (me) {
        actions.innerHTML = `<button type="button" data-start="${esc(id)}">${esc(t('start'))}</button>`;
        const button = actions.querySelector('[data-start]');
        button.addEventListener('click', () => startAttempt(button, id, opensAtOf(id), serverNow));
      } else {
        actions.innerHTML = `<a class="button" href="#/dang-nhap">${esc(t('loginToStart'))}</a>`;
      }
      const status = document.getElementById('opened');
      if (status) status.textContent = t('opensNow');
    });
  };
  if (main.querySelector('[data-opens]')) ticker = setInterval(tick, 250);
}

function boardName(code, contest) {
  const board = (contest.boards || []).find((b) => b.code === code);
  return BOARDS[code]?.[lang()] ?? board?.name ?? code;
}

function field(name, label, type = 'text', extra = '') {
  return `<div class="field"><label for="f-${name}">${esc(label)}</label>
    <input id="f-${name}" name="${name}" type="${type}" ${extra} aria-describedby="e-${name}">
    <div class="error" id="e-${name}"></div></div>`;
}

function showFieldErrors(form, e) {
  form.querySelectorAll('.error').forEach((el) => { el.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  for (const [name, message] of Object.entries(e.fields || {})) {
    const input = form.querySelector(`[name="${name}"]`);
    const error = form.querySelector(`#e-${name}`);
    if (input && error) {
      input.setAttribute('aria-invalid', 'true');
      error.textContent = message;
    }
  }
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
}

function registerView() {
  const boards = Object.entries(BOARDS).map(([code, name]) => `<option value="${code}">${esc(name[lang()])}</option>`).join('');
  render(`<h1>${esc(t('register'))}</h1><div id="form-error"></div>
    <form id="register" class="card" novalidate>
      ${field('fullName', t('fullName'), 'text', 'autocomplete="name" required')}
      ${field('birthDate', t('birthDate'), 'date', 'required')}
      ${field('email', t('email'), 'email', 'autocomplete="email" required')}
      ${field('phone', t('phone'), 'tel', 'autocomplete="tel" required')}
      ${field('unit', t('unit'), 'text', 'autocomplete="organization" list="unit-names" required')}
      <datalist id="unit-names"></datalist>
      <div class="field"><label for="f-board">${esc(t('board'))}</label>
        <select id="f-board" name="board" aria-describedby="e-board"><option value="">${esc(t('chooseBoard'))}</option>${boards}</select>
        <div class="error" id="e-board"></div></div>
      ${field('password', t('password'), 'password', 'autocomplete="new-password" required')}
      <button type="submit">${esc(t('submitRegister'))}</button>
    </form><p>${esc(t('hasAccount'))} <a href="#/dang-nhap">${esc(t('login'))}</a></p>`, t('register'));
  const form = document.getElementById('register');
  // the board's list of units, suggested as one types; any other name is still accepted
  api('GET', 'units').then((units) => {
    const list = document.getElementById('unit-names');
    if (list) list.innerHTML = units.map((u) => `<option value="${esc(u.name)}"></option>`).join('');
  }).catch(() => {});
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    try {
      await api('POST', 'candidates', data);
      await whoAmI();
      location.hash = '#/';
    } catch (e) {
      document.getElementById('form-error').innerHTML = problem(e);
      if (e instanceof Refusal) showFieldErrors(form, e);
    }
  });
}

function loginView() {
  render(`<h1>${esc(t('login'))}</h1><div id="form-error"></div>
    <form id="login" class="card" novalidate>
      ${field('email', t('email'), 'email', 'autocomplete="email" required')}
      ${field('password', t('password'), 'password', 'autocomplete="current-password" required')}
      <button type="submit">${esc(t('submitLogin'))}</button>
    </form><p>${esc(t('noAccount'))} <a href="#/dang-ky">${esc(t('register'))}</a></p>`, t('login'));
  const form = document.getElementById('login');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', 'session', Object.fromEntries(new FormData(form)));
      await whoAmI();
      location.hash = '#/';
    } catch (e) {
      document.getElementById('form-error').innerHTML = problem(e);
    }
  });
}

async function resultView(contestId) {
  const [contest, standing] = await Promise.all([api('GET', `contests/${contestId}`), api('GET', `contests/${contestId}/result`)]);
  const rows = standing.attempts.map((a) => `<tr><td>${a.number}</td><td>${esc(t(a.state))}</td>
      <td>${a.score == null ? '–' : `${a.score}/${a.maxScore}`}</td><td>${esc(a.bandLabel || '–')}</td>
      <td>${a.official ? `<strong>${esc(t('official'))}</strong>` : ''}</td>
      <td>${a.state !== 'IN_PROGRESS' && contest.rules.review === 'CORRECT_ANSWERS' ? `<a href="#/thi/${a.id}">${esc(t('review'))}</a>` : ''}</td></tr>`).join('');
  let verdict = `<p>${esc(t('noAttempts'))}</p>`;
  if (standing.completed) verdict = `<p class="alert ok">${esc(t('completed', standing.bandLabel))}</p>`;
  else if (standing.mustRetake) verdict = `<p class="alert warn">${esc(t('mustRetake'))}</p>`;
  const canRetake = contest.open && !standing.inProgressAttemptId && (standing.attemptsLeft == null || standing.attemptsLeft > 0);
  render(`<h1>${esc(t('result'))}: ${esc(contest.title)}</h1>
    ${standing.officialScore != null ? `<p class="card"><strong>${esc(t('score'))}:</strong> ${standing.officialScore}/${standing.maxScore}
      · <strong>${esc(t('band'))}:</strong> ${esc(standing.bandLabel)}</p>` : ''}
    ${verdict}
    <table><caption class="muted">${esc(t('result'))}</caption><thead><tr><th scope="col">${esc(t('attempt'))}</th><th scope="col">${esc(t('state'))}</th>
      <th scope="col">${esc(t('score'))}</th><th scope="col">${esc(t('band'))}</th><th scope="col">${esc(t('official'))}</th><th scope="col">${esc(t('review'))}</th></tr></thead>
      <tbody>${rows}</tbody></table>
    <div class="actions">${canRetake ? `<button type="button" id="retake">${esc(t('retake'))}</button>` : ''}
      <a class="button secondary" href="#/">${esc(t('backToContests'))}</a></div><div id="start-error"></div>`, t('result'));
  const retake = document.getElementById('retake');
  if (retake) {
    retake.addEventListener('click', async () => {
      try {
        const started = await api('POST', `contests/${contestId}/attempts`, {});
        location.hash = `#/thi/${started.paper.attemptId}`;
      } catch (e) {
        document.getElementById('start-error').innerHTML = problem(e);
      }
    });
  }
}

async function certificatesView() {
  const certificates = await api('GET', 'certificates');
  const cards = certificates.map((c) => `<article class="card"><h2>${esc(c.contest)}</h2>
      <p><strong>${esc(t('band'))}:</strong> ${esc(c.bandLabel)} · ${c.score}/${c.maxScore} · ${esc(c.board)}</p>
      <p class="muted">${esc(c.serial)} · ${esc(t(`status${c.status}`))} · ${esc(fmtDate(c.issuedAt))}</p>
      <p>${esc(t('emailed'))}</p>
      <div class="actions"><a class="button" href="${esc(c.pdf)}" download>${esc(t('download'))}</a>
        <a class="button secondary" href="${esc(c.verifyUrl)}">${esc(t('verify'))}</a></div></article>`).join('');
  render(`<h1>${esc(t('certificates'))}</h1>${cards || `<p>${esc(t('noCertificates'))}</p>`}`, t('certificates'));
}

async function route() {
  clearInterval(ticker);
  ticker = null;
  const [, view, id] = (location.hash || '#/').split('/');
  try {
    if (view === 'dang-ky') registerView();
    else if (view === 'dang-nhap') loginView();
    else if (!me && ['thi', 'ket-qua', 'chung-nhan'].includes(view)) loginView();
    else if (view === 'thi') await examView(Number(id), { render, problem, esc });
    else if (view === 'ket-qua') await resultView(Number(id));
    else if (view === 'chung-nhan') await certificatesView();
    else await contestsView();
  } catch (e) {
    render(`<h1>examcert</h1>${problem(e)}<p><a href="#/">${esc(t('backToContests'))}</a></p>`, 'examcert');
  }
}

document.getElementById('lang').addEventListener('click', async () => {
  setLang(lang() === 'en' ? 'vi' : 'en');
  await whoAmI();
  route();
});
window.addEventListener('hashchange', route);
setLang(lang());
await whoAmI();
route();
