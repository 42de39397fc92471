// Following a contest: the dashboard (refreshed every 15 s) with hand-written SVG charts, and the rankings.
// Each chart has a <title>, an aria label and the same numbers in a visually hidden table.
import { api } from '../shared/api.js';
import { t, lang } from './i18n.js';
import { esc, render, problem, table, fmtDate, fmtNumber, fmtPercent, fmtDuration, download, onLeave, current, Stale } from './ui.js';

const REFRESH_MS = 15000;
// below these a question is too hard, or does not tell strong from weak candidates
const LOW_SHARE = 0.2;
const LOW_DISCRIMINATION = 0.1;

function bandLabel(b) {
  return lang() === 'en' ? b.labelEn : b.labelVi;
}

function hiddenTable(caption, headers, rows) {
  return `<table class="visually-hidden"><caption>${esc(caption)}</caption><thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** Vertical bars, one per band. */
export function bandsChart(bands) {
  const width = 560;
  const height = 240;
  const pad = { top: 20, right: 10, bottom: 46, left: 40 };
  const max = Math.max(1, ...bands.map((b) => b.count));
  const slot = (width - pad.left - pad.right) / Math.max(1, bands.length);
  const scale = (v) => (height - pad.top - pad.bottom) * v / max;
  const desc = t('bandsChartDesc', bands.map((b) => `${bandLabel(b)} ${b.count}`).join(', '));
  const bars = bands.map((b, i) => {
    const x = pad.left + i * slot + slot * 0.15;
    const h = scale(b.count);
    const y = height - pad.bottom - h;
    return `<g><rect class="bar band-${i}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}"><title>${esc(bandLabel(b))}: ${b.count}</title></rect>
      <text x="${(x + slot * 0.35).toFixed(1)}" y="${(y - 5).toFixed(1)}" text-anchor="middle" class="value">${b.count}</text>
      <text x="${(x + slot * 0.35).toFixed(1)}" y="${height - pad.bottom + 18}" text-anchor="middle" class="label">${esc(bandLabel(b))}</text></g>`;
  }).join('');
  return `<figure class="chart"><svg id="bands-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="bands-title bands-desc">
      <title id="bands-title">${esc(t('bandsChart'))}</title><desc id="bands-desc">${esc(desc)}</desc>
      <line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" class="axis"/>
      <text x="${pad.left - 6}" y="${pad.top + 4}" text-anchor="end" class="label">${max}</text>
      <text x="${pad.left - 6}" y="${height - pad.bottom}" text-anchor="end" class="label">0</text>${bars}</svg>
    ${hiddenTable(t('bandsChart'), [t('band'), t('totCandidates')], bands.map((b) => [bandLabel(b), b.count]))}</figure>`;
}

/** Per hour, two bars side by side: attempts started and attempts submitted. */
export function timelineChart(timeline) {
  const width = 560;
  const height = 240;
  const pad = { top: 20, right: 14, bottom: 46, left: 40 };
  const hourLabel = (iso) => new Date(iso).toLocaleString(lang() === 'en' ? 'en-GB' : 'vi-VN', { day: '2-digit', month: '2-digit', hour: '2-digit' });
  const max = Math.max(1, ...timeline.flatMap((p) => [p.started, p.submitted]));
  const n = timeline.length;
  const slot = (width - pad.left - pad.right) / Math.max(n, 4);
  const bar = Math.min(28, slot * 0.38);
  const y = (v) => height - pad.bottom - (height - pad.top - pad.bottom) * v / max;
  const every = Math.max(1, Math.ceil(n / 6));
  const groups = timeline.map((p, i) => {
    const x = pad.left + i * slot + slot / 2;
    const one = (key, dx) => `<rect class="bar ${key}" x="${(x + dx).toFixed(1)}" y="${y(p[key]).toFixed(1)}" width="${bar.toFixed(1)}" height="${(height - pad.bottom - y(p[key])).toFixed(1)}">
        <title>${esc(hourLabel(p.at))}: ${esc(t(key))} ${p[key]}</title></rect>
      ${n <= 12 ? `<text x="${(x + dx + bar / 2).toFixed(1)}" y="${(y(p[key]) - 4).toFixed(1)}" text-anchor="middle" class="value">${p[key]}</text>` : ''}`;
    return `<g>${one('started', -bar - 1)}${one('submitted', 1)}
      ${i % every === 0 ? `<text x="${x.toFixed(1)}" y="${height - pad.bottom + 16}" text-anchor="middle" class="label">${esc(hourLabel(p.at))}</text>` : ''}</g>`;
  }).join('');
  return `<figure class="chart"><svg id="timeline-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="timeline-title timeline-desc">
      <title id="timeline-title">${esc(t('timelineChart'))}</title><desc id="timeline-desc">${esc(t('timelineDesc', n))}</desc>
      <line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" class="axis"/>
      <text x="${pad.left - 6}" y="${pad.top + 4}" text-anchor="end" class="label">${max}</text>
      <text x="${pad.left - 6}" y="${height - pad.bottom}" text-anchor="end" class="label">0</text>${groups}
      <g transform="translate(${width - 230},${pad.top - 6})"><rect class="key started" width="12" height="10" y="-9"/><text x="16" class="label">${esc(t('started'))}</text>
        <rect class="key submitted" x="120" width="12" height="10" y="-9"/><text x="136" class="label">${esc(t('submitted'))}</text></g></svg>
    ${hiddenTable(t('timelineChart'), [t('hour'), t('started'), t('submitted')], timeline.map((p) => [hourLabel(p.at), p.started, p.submitted]))}</figure>`;
}

function needsReview(q) {
  return (q.shareCorrect != null && q.shareCorrect < LOW_SHARE) || (q.discrimination != null && q.discrimination < LOW_DISCRIMINATION);
}

/** Worst first: lowest share correct, then lowest discrimination; questions without numbers last. */
function worstFirst(a, b) {
  const key = (q) => [q.shareCorrect ?? 2, q.discrimination ?? 2];
  const [a1, a2] = key(a);
  const [b1, b2] = key(b);
  return a1 - b1 || a2 - b2;
}

export async function dashboardView(id) {
  const at = location.hash;
  let timer = null;
  const draw = async () => {
    const d = await api('GET', `console/contests/${id}/dashboard`);
    const totals = [['candidates', 'totCandidates'], ['attempts', 'totAttempts'], ['inProgress', 'totInProgress'], ['completed', 'totCompleted'], ['certificates', 'totCertificates']];
    const bandKeys = d.bands.map((b) => b.key);
    const boardRows = d.boards.map((b) => `<tr><td>${esc(b.name)}</td><td class="num">${b.candidates}</td><td class="num">${b.attempts}</td><td class="num">${b.completed}</td>
      ${bandKeys.map((k) => `<td class="num">${(b.bands || {})[k] ?? 0}</td>`).join('')}</tr>`);
    // the server names them registered/tookPart (the contract said candidates); either is shown
    const unitRows = d.units.map((u) => `<tr><td>${esc(u.name)}</td><td class="num">${u.expected ?? '–'}</td><td class="num">${u.registered ?? u.candidates ?? '–'}</td>
      <td class="num">${u.tookPart ?? '–'}</td><td class="num">${u.completed}</td>
      <td class="num">${fmtPercent(u.participationRate)}</td><td class="num">${fmtPercent(u.completionRate)}</td></tr>`);
    const questionRows = [...d.questions].sort(worstFirst).map((q) => `<tr${needsReview(q) ? ' class="flagged"' : ''}><td>${esc(q.bank)} · ${esc(q.externalId)}</td><td>${esc(q.stem)}</td>
      <td class="num">${q.shown}</td><td class="num">${q.answered}</td><td class="num">${fmtPercent(q.shareCorrect)}</td><td class="num">${fmtNumber(q.discrimination)}</td>
      <td>${needsReview(q) ? `<span class="tag bad">${esc(t('needsReview'))}</span>` : ''}</td></tr>`);
    const title = `${t('dashboard')}: ${d.contest.title}`;
    const focused = document.activeElement?.id;
    const html = `<div class="head"><h1>${esc(title)}</h1><span class="state ${esc(d.contest.state)}">${esc(t(d.contest.state))}</span></div>
      <p><a href="#/cuoc-thi/${id}">${esc(t('back'))}</a> · <a href="#/cuoc-thi/${id}/xep-hang">${esc(t('rankings'))}</a></p>
      <div class="toolbar"><button type="button" id="refresh">${esc(t('refresh'))}</button>
        <span class="muted" id="updated" role="status">${esc(t('updatedAt', fmtDate(d.now)))} · ${esc(t('autoRefresh'))}</span>
        <span class="downloads small-buttons">${download(`console/contests/${id}/results.xlsx`, t('resultsXlsx'))} ${download(`console/contests/${id}/results.csv`, t('resultsCsv'))}
        ${download(`console/contests/${id}/units-report.xlsx`, t('unitsReport'))}</span></div>
      <ul class="cards" id="totals">${totals.map(([key, label]) => `<li class="stat" data-total="${key}"><span class="n">${d.totals[key]}</span><span class="l">${esc(t(label))}</span></li>`).join('')}</ul>
      <div class="charts"><section class="card" aria-labelledby="h-bands"><h2 id="h-bands">${esc(t('bandsChart'))}</h2>${bandsChart(d.bands)}</section>
        <section class="card" aria-labelledby="h-time"><h2 id="h-time">${esc(t('timelineChart'))}</h2>${d.timeline.length ? timelineChart(d.timeline) : `<p class="muted">${esc(t('noData'))}</p>`}</section></div>
      <section class="card" aria-labelledby="h-boards"><h2 id="h-boards">${esc(t('perBoard'))}</h2>
        ${table(t('perBoard'), [t('board'), t('totCandidates'), t('totAttempts'), t('totCompleted'), ...d.bands.map(bandLabel)], boardRows, { id: 'per-board', hiddenCaption: true })}</section>
      <section class="card" aria-labelledby="h-units"><h2 id="h-units">${esc(t('perUnit'))}</h2>
        ${table(t('perUnit'), [t('unit'), t('expected'), t('registered'), t('tookPart'), t('totCompleted'), t('participation'), t('completion')], unitRows, { id: 'per-unit', hiddenCaption: true })}</section>
      <section class="card" aria-labelledby="h-questions"><h2 id="h-questions">${esc(t('questionStats'))}</h2>
        ${table(t('questionStats'), [t('externalId'), t('stem'), t('shown'), t('answered'), t('shareCorrect'), t('discrimination'), t('flag')], questionRows, { id: 'question-stats', hiddenCaption: true })}</section>`;
    if (!document.getElementById('refresh')) {
      render(html, title, at);
    } else {
      // a refresh keeps the reader's place: no focus move, the scroll position stays
      current(at);
      document.getElementById('main').innerHTML = html;
      if (focused) document.getElementById(focused)?.focus();
    }
    document.getElementById('refresh').addEventListener('click', () => tick());
  };
  const tick = async () => {
    try {
      await draw();
      document.getElementById('dash-error')?.remove();
    } catch (e) {
      if (e instanceof Stale) return;
      if (!document.getElementById('refresh')) throw e;
      document.getElementById('dash-error')?.remove();
      document.querySelector('#main .toolbar').insertAdjacentHTML('afterend', `<div id="dash-error">${problem(e)}</div>`);
    }
  };
  await draw();
  timer = setInterval(tick, REFRESH_MS);
  onLeave(() => clearInterval(timer));
}

/** Rows the rankings table shows; the whole list is in the results export. */
const RANKING_ROWS = 500;

export async function rankingsView(id, board) {
  const at = location.hash;
  const contest = await api('GET', `console/contests/${id}`);
  const chosen = board || contest.boards[0]?.code || '';
  const title = `${t('rankings')}: ${contest.title}`;
  let body = '';
  if (chosen) {
    try {
      const response = await fetch(`/api/console/contests/${id}/rankings?board=${encodeURIComponent(chosen)}&limit=${RANKING_ROWS}`,
        { headers: { Accept: 'application/json', 'Accept-Language': lang() }, credentials: 'same-origin' });
      const data = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : {};
      if (!response.ok) throw Object.assign(new Error(data.title || `HTTP ${response.status}`), { detail: data.detail });
      const truth = response.headers.get('X-Examcert-Tie-Break-Truth');
      const total = Number(response.headers.get('X-Total-Count') ?? data.length);
      const rows = data.map((r) => `<tr><td class="num">${r.rank}</td><td>${esc(r.fullName)}</td><td>${esc(r.unit)}</td>
        <td class="num">${fmtNumber(r.score)}/${fmtNumber(r.maxScore)}</td><td class="num">${fmtDuration(r.durationSeconds)}</td>
        <td>${esc(fmtDate(r.submittedAt))}</td><td class="num">${r.prediction ?? '–'}</td></tr>`);
      body = (truth != null ? `<p>${esc(t('tieBreakTruth', truth))}</p>` : '')
        + (total > data.length ? `<p>${esc(t('rankingsShown', data.length, total))}</p>` : '')
        + table(title, [t('rank'), t('fullName'), t('unit'), t('score'), t('duration'), t('submittedAt'), t('prediction')], rows, { id: 'rankings', hiddenCaption: true });
    } catch (e) {
      body = problem(e);
    }
  }
  const options = contest.boards.map((b) => `<option value="${esc(b.code)}"${b.code === chosen ? ' selected' : ''}>${esc(b.name)}</option>`).join('');
  render(`<h1>${esc(title)}</h1><p><a href="#/cuoc-thi/${id}">${esc(t('back'))}</a></p>
    <div class="field narrow"><label for="rank-board">${esc(t('chooseBoard'))}</label><select id="rank-board">${options}</select></div>${body}`, title, at);
  document.getElementById('rank-board').addEventListener('change', (event) => {
    location.hash = `#/cuoc-thi/${id}/xep-hang/${encodeURIComponent(event.target.value)}`;
  });
}
