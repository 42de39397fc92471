// A contest's certificates: list, resend, revoke with a reason, and the bulk re-issue with its progress.
import { api } from '../shared/api.js';
import { t } from './i18n.js';
import { esc, render, problem, notice, table, ask, fmtNumber, onLeave, current } from './ui.js';

export async function certificatesView(contestId) {
  const at = location.hash;
  const [contest, certificates] = await Promise.all([api('GET', `console/contests/${contestId}`), api('GET', `console/certificates?contest=${contestId}`)]);
  const title = `${t('certificates')}: ${contest.title}`;
  const rows = certificates.map((c) => `<tr><td><a href="${esc(c.verifyUrl)}">${esc(c.serial)}</a></td><td>${esc(c.fullName)}</td><td>${esc(c.board)}</td>
    <td>${esc(c.bandLabel)} (${fmtNumber(c.score)}/${fmtNumber(c.maxScore)})</td><td>${esc(t(`status${c.status}`))}${c.revokedReason ? `: ${esc(c.revokedReason)}` : ''}</td>
    <td class="row-actions"><a href="${esc(c.pdf)}">${esc(t('pdf'))}</a>
      <button type="button" class="small secondary" data-mails="${esc(c.serial)}">${esc(t('mails'))}</button>
      <button type="button" class="small secondary" data-resend="${esc(c.serial)}">${esc(t('resend'))}</button>
      ${c.status === 'REVOKED' ? '' : `<button type="button" class="small secondary" data-revoke="${esc(c.serial)}">${esc(t('revoke'))}</button>`}</td></tr>`);
  render(`<div class="head"><h1>${esc(title)}</h1><button type="button" id="reissue">${esc(t('reissueAll'))}</button></div>
    <p><a href="#/cuoc-thi/${contestId}">${esc(t('back'))}</a></p>
    <div id="cert-result" aria-live="polite"></div><div id="batch"></div><div id="mails"></div>
    ${table(t('certificates'), [t('serial'), t('fullName'), t('board'), t('band'), t('status'), t('actions')], rows, { id: 'certificates', empty: t('noCertificates'), hiddenCaption: true })}`, title, at);
  const result = document.getElementById('cert-result');
  // the mails that carried a certificate: whether it arrived, or why not (dead letters included)
  document.querySelectorAll('[data-mails]').forEach((b) => b.addEventListener('click', async () => {
    const box = document.getElementById('mails');
    try {
      const mails = await api('GET', `console/certificates/${encodeURIComponent(b.dataset.mails)}/mails`);
      const rows = mails.map((m) => `<tr><td>${esc(m.recipient)}</td><td>${esc(t(`mail${m.status}`))}</td><td class="num">${m.tries}</td>
        <td>${esc(m.sentAt ? new Date(m.sentAt).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN') : '–')}</td>
        <td>${esc(m.lastError ?? '')}</td></tr>`);
      box.innerHTML = `<section class="card"><h2>${esc(t('mailsOf', b.dataset.mails))}</h2>
        ${table(t('mailsOf', b.dataset.mails), [t('recipient'), t('status'), t('tries'), t('sentAt'), t('lastError')], rows, { id: 'mail-list', empty: t('noRows'), hiddenCaption: true })}</section>`;
    } catch (e) {
      box.innerHTML = problem(e);
    }
  }));
  document.querySelectorAll('[data-resend]').forEach((b) => b.addEventListener('click', async () => {
    try {
      await api('POST', `console/certificates/${encodeURIComponent(b.dataset.resend)}/resend`);
      notice(result, t('resent', b.dataset.resend));
    } catch (e) {
      result.innerHTML = problem(e);
    }
  }));
  document.querySelectorAll('[data-revoke]').forEach((b) => b.addEventListener('click', async () => {
    const reason = await ask(`${t('revoke')} ${b.dataset.revoke}?`, { yes: t('revoke'), reasonLabel: t('revokeReason') });
    if (reason === null) return;
    try {
      await api('POST', `console/certificates/${encodeURIComponent(b.dataset.revoke)}/revoke`, { reason });
      current(at);
      await certificatesView(contestId);
      notice(document.getElementById('cert-result'), t('revoked', b.dataset.revoke));
    } catch (e) {
      result.innerHTML = problem(e);
    }
  }));
  document.getElementById('reissue').addEventListener('click', async (event) => {
    if (!await ask(t('confirmReissue'), { yes: t('reissueAll') })) return;
    event.target.disabled = true;
    try {
      const batch = await api('POST', `console/certificates/reissue?contest=${contestId}`);
      follow(batch, event.target);
    } catch (e) {
      result.innerHTML = problem(e);
      event.target.disabled = false;
    }
  });
}

/** Shows a batch's progress and polls it every second until nothing is pending. */
function follow(progress, button) {
  const box = document.getElementById('batch');
  const show = (p) => {
    box.innerHTML = `<div class="card"><label for="batch-progress">${esc(t('batchProgress'))}</label>
      <progress id="batch-progress" max="${p.total}" value="${p.sent + p.dead}">${p.sent + p.dead}/${p.total}</progress>
      <p role="status">${esc(t('batchState', p.sent, p.total, p.pending, p.dead))}</p></div>`;
  };
  show(progress);
  if (progress.pending === 0 || progress.total === 0) {
    button.disabled = false;
    return;
  }
  const timer = setInterval(async () => {
    try {
      const p = await api('GET', `console/certificates/batches/${encodeURIComponent(progress.batch)}`);
      show(p);
      if (p.pending === 0) {
        clearInterval(timer);
        button.disabled = false;
      }
    } catch (e) {
      clearInterval(timer);
      box.innerHTML = problem(e);
      button.disabled = false;
    }
  }, 1000);
  onLeave(() => clearInterval(timer));
}
