// Taking an exam. The deadline is the server's: the countdown runs on the server's clock, corrected
// for this device's skew. Every answer is queued (in localStorage, so a reload or a lost network
// keeps it) and sent in order, several in one request when several wait; the server keeps the
// newest by seq.
import { api, Refusal, Offline } from '../shared/api.js';
import { t } from './i18n.js';

let active = null;   // the exam on screen, so leaving the view stops its timers
const MAX_ANSWERS_PER_REQUEST = 200;   // the server's bound (AnswerSaving), the largest paper

// Refusals an answer meets however often it is sent, for what it holds itself: a question this
// paper does not have, an option or seq out of range, a malformed save, as a queue left in this
// browser by another page can hold. Kept, it would hold back every answer queued with it and the
// submit, for good. (Not the device, the session or the attempt: those refuse every answer.)
const UNSAVEABLE = new Set(['attempt.question-not-found', 'attempt.option-invalid', 'attempt.seq-invalid',
  'attempt.position-missing', 'request.invalid-fields', 'request.malformed-json', 'request.param-invalid']);
const unsaveable = (e) => e instanceof Refusal && UNSAVEABLE.has(e.code);

export async function examView(attemptId, ui) {
  if (active) active.stop();
  const paper = await api('GET', `attempts/${attemptId}`);
  if (paper.state !== 'IN_PROGRESS') {
    reviewView(paper, ui);
    return;
  }
  active = new Exam(paper, ui);
  active.show(0);
}

class Exam {
  constructor(paper, ui) {
    this.paper = paper;
    this.ui = ui;
    this.skew = Date.parse(paper.serverNow) - Date.now();
    this.queueKey = `examcert.pending.${paper.attemptId}`;
    this.queue = JSON.parse(localStorage.getItem(this.queueKey) || '[]');
    this.chosen = new Map(paper.questions.map((q) => [q.position, q.chosen ?? null]));
    for (const save of this.queue) this.chosen.set(save.position, save.option);
    this.index = 0;
    this.flushing = null;
    this.state = this.queue.length ? 'saving' : 'saved';
    this.timer = setInterval(() => this.tick(), 500);
    this.retry = setInterval(() => this.flush(), 3000);
    this.onHash = () => { if (!location.hash.startsWith(`#/thi/${paper.attemptId}`)) this.stop(); };
    this.onOnline = () => this.flush();
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener('online', this.onOnline);
    this.flush();
  }

  stop() {
    clearInterval(this.timer);
    clearInterval(this.retry);
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener('online', this.onOnline);
    if (active === this) active = null;
  }

  now() {
    return Date.now() + this.skew;
  }

  show(index) {
    const { esc, render } = this.ui;
    const questions = this.paper.questions;
    this.index = Math.max(0, Math.min(index, questions.length - 1));
    const q = questions[this.index];
    const chosen = this.chosen.get(q.position);
    const options = q.options.map((o) => `<label class="option"><input type="radio" name="answer" value="${o.number}"
        ${chosen === o.number ? 'checked' : ''}> <span>${esc(o.text)}</span></label>`).join('');
    const nav = questions.map((item, i) => {
      const answered = this.chosen.get(item.position) != null;
      return `<li><button type="button" data-go="${i}" class="${answered ? 'answered' : ''}" ${i === this.index ? 'aria-current="true"' : ''}
        aria-label="${esc(t('question', i + 1, questions.length))}, ${esc(answered ? t('answered') : t('unanswered'))}">${i + 1}</button></li>`;
    }).join('');
    // The contest's title rides in the sticky header: on a phone it is never hidden under it.
    render(`<div class="exam-head"><h1 class="exam-title">${esc(this.paper.contestTitle)}</h1>
        <div><span class="muted">${esc(t('timeLeft'))}</span>
        <div class="timer" id="timer" role="timer" aria-live="off">--:--</div></div>
        <div class="save-state" id="save-state" role="status" aria-live="polite"></div>
        <button type="button" id="submit">${esc(t('submit'))}</button></div>
      <div id="exam-alert"></div>
      <form class="question card" id="question"><fieldset><legend>${esc(t('question', this.index + 1, questions.length))}. ${esc(q.stem)}</legend>
        ${options}</fieldset></form>
      <div class="pager"><button type="button" class="secondary" id="prev" ${this.index === 0 ? 'disabled' : ''}>${esc(t('prev'))}</button>
        <button type="button" class="secondary" id="next" ${this.index === questions.length - 1 ? 'disabled' : ''}>${esc(t('next'))}</button></div>
      <nav aria-label="${esc(t('navigator'))}"><ol class="navigator">${nav}</ol></nav>
      <dialog id="confirm" aria-labelledby="confirm-title"><h2 id="confirm-title">${esc(t('confirmTitle'))}</h2>
        <p id="confirm-text"></p>${this.paper.tieBreakQuestion ? `<p><label for="prediction">${esc(t('prediction'))}: ${esc(this.paper.tieBreakQuestion)}</label>
        <input id="prediction" type="number" inputmode="numeric" min="0" step="1" value="${this.paper.prediction ?? ''}"></p>` : ''}<div class="actions"><button type="button" id="confirm-yes">${esc(t('confirmYes'))}</button>
        <button type="button" class="secondary" id="confirm-no">${esc(t('confirmNo'))}</button></div></dialog>`, this.paper.contestTitle);
    document.getElementById('question').addEventListener('change', (e) => this.answer(q.position, Number(e.target.value)));
    document.getElementById('prev').addEventListener('click', () => this.show(this.index - 1));
    document.getElementById('next').addEventListener('click', () => this.show(this.index + 1));
    document.querySelectorAll('[data-go]').forEach((b) => b.addEventListener('click', () => this.show(Number(b.dataset.go))));
    document.getElementById('submit').addEventListener('click', () => this.confirm());
    this.paintState();
    this.tick();
  }

  answer(position, option) {
    this.chosen.set(position, option);
    // seq rises on every device: the server's clock in microseconds, plus a counter for same-millisecond saves
    this.counter = (this.counter || 0) + 1;
    this.queue = this.queue.filter((s) => s.position !== position);
    this.queue.push({ position, option, seq: Math.floor(this.now()) * 1000 + (this.counter % 1000) });
    localStorage.setItem(this.queueKey, JSON.stringify(this.queue));
    const navButton = document.querySelector(`[data-go="${this.index}"]`);
    if (navButton) navButton.classList.add('answered');
    this.flush();
  }

  // Sends the queue; while a send is under way, a caller waits for that one, which goes on until the
  // queue is empty (or the network is gone), so whoever awaits flush() knows what is still unsent.
  flush() {
    if (!this.flushing && this.queue.length) {
      this.flushing = this.send().finally(() => { this.flushing = null; });
    }
    return this.flushing || Promise.resolve();
  }

  async send() {
    const wasAway = this.state === 'offline';
    this.setState('saving');
    try {
      let dropped = 0;
      while (this.queue.length) {
        // several queued (after a lost connection): one request for them all, which the server
        // saves all or none
        const sent = this.queue.slice(0, MAX_ANSWERS_PER_REQUEST);
        try {
          if (sent.length === 1) {
            await this.saveOne(sent[0]);
          } else {
            await api('PUT', `attempts/${this.paper.attemptId}/answers`, { answers: sent });
          }
        } catch (e) {
          if (!unsaveable(e)) throw e;
          // one answer the server never takes held the others back: each goes alone, and only
          // what is refused for good is left out (the candidate is told)
          for (const save of sent) {
            try {
              await this.saveOne(save);
            } catch (alone) {
              if (!unsaveable(alone)) throw alone;
              dropped++;
            }
          }
        }
        // not shift(): while they were sent a question may have been answered again (that newer
        // answer replaced it in the queue and must still go) and other answers queued behind them
        this.queue = this.queue.filter((s) => !sent.includes(s));
        localStorage.setItem(this.queueKey, JSON.stringify(this.queue));
      }
      this.setState('saved');
      if (dropped) this.alert(this.ui.esc(t('answersDropped')));
      // Back after an outage: the server may have given the lost time back.
      if (wasAway) this.refreshDeadline().catch(() => {});
    } catch (e) {
      if (e instanceof Offline) {
        this.setState('offline');
      } else if (e instanceof Refusal && e.code === 'attempt.taken-over') {
        this.stop();
        this.alert(`${t('takenOver')} <button type="button" id="reload">${t('reloadHere')}</button>`);
        document.getElementById('reload').addEventListener('click', async () => {
          await api('POST', `contests/${this.paper.contestId}/attempts`, {});
          examView(this.paper.attemptId, this.ui);
        });
      } else if (e instanceof Refusal && (e.code === 'attempt.deadline-passed' || e.code === 'attempt.closed')) {
        this.queue = [];
        localStorage.removeItem(this.queueKey);
        // after this send has ended: finish() waits for the queue to be sent
        setTimeout(() => this.finish(true), 0);
      } else {
        this.setState('offline');
      }
    }
  }

  saveOne(save) {
    return api('PUT', `attempts/${this.paper.attemptId}/answers/${save.position}`, { option: save.option, seq: save.seq });
  }

  setState(state) {
    this.state = state;
    this.paintState();
  }

  paintState() {
    const el = document.getElementById('save-state');
    if (el) {
      el.className = `save-state ${this.state}`;
      el.textContent = t(this.state);
    }
  }

  tick() {
    const left = Math.max(0, Date.parse(this.paper.deadline) - this.now());
    const el = document.getElementById('timer');
    if (el) {
      const s = Math.ceil(left / 1000);
      el.textContent = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
      el.classList.toggle('low', s <= 60);
    }
    if (left <= 0 && !this.finishing) this.deadlineReached();
  }

  // The server's deadline, which moves when it gives back time an outage took; true if it moved.
  async refreshDeadline() {
    const fresh = await api('GET', `attempts/${this.paper.attemptId}`);
    this.skew = Date.parse(fresh.serverNow) - Date.now();
    const moved = Date.parse(fresh.deadline) > Date.parse(this.paper.deadline);
    if (moved) this.paper.deadline = fresh.deadline;
    return moved;
  }

  // Time is up on this device's count. Unsent answers go first; while the service is away nothing is
  // submitted (the answers wait, and the outage's time is given back); then the server decides.
  async deadlineReached() {
    if (this.checking || Date.now() < (this.nextCheck || 0)) return;
    this.checking = true;
    this.nextCheck = Date.now() + 3000;
    try {
      await this.flush();
      if (this.queue.length || this.finishing) return;
      if (!(await this.refreshDeadline())) await this.finish(true);
    } catch (e) {
      this.setState('offline');
    } finally {
      this.checking = false;
    }
  }

  confirm() {
    const dialog = document.getElementById('confirm');
    const unanswered = [...this.chosen.values()].filter((v) => v == null).length;
    document.getElementById('confirm-text').textContent = unanswered ? t('confirmUnanswered', unanswered) : t('confirmAll');
    document.getElementById('confirm-yes').onclick = () => { dialog.close(); this.finish(false); };
    document.getElementById('confirm-no').onclick = () => dialog.close();
    dialog.showModal();
  }

  async finish(timeUp) {
    this.finishing = true;
    try {
      await this.flush();
      // an answer the server has not acknowledged would be lost by submitting now: it is kept, and
      // sent when the network is back; time an outage of the service took is given back
      if (this.queue.length) {
        this.finishing = false;
        this.alert(this.ui.esc(t('notAllSaved')));
        return;
      }
      // the tie-break prediction, when the contest asks one; a time-out submits without it
      const typed = document.getElementById('prediction')?.value;
      const prediction = !timeUp && typed !== undefined && typed !== '' ? Number.parseInt(typed, 10) : undefined;
      await api('POST', `attempts/${this.paper.attemptId}/submit`, Number.isInteger(prediction) ? { prediction } : {});
      this.stop();
      localStorage.removeItem(this.queueKey);
      const paper = await api('GET', `attempts/${this.paper.attemptId}`);
      reviewView(paper, this.ui, timeUp || paper.state === 'EXPIRED');
    } catch (e) {
      this.finishing = false;
      this.alert(this.ui.esc(e.message));
    }
  }

  alert(html) {
    const el = document.getElementById('exam-alert');
    if (el) el.innerHTML = `<p class="alert bad" role="alert">${html}</p>`;
  }
}

function reviewView(paper, ui, timeUp = false) {
  const { esc, render } = ui;
  const o = paper.outcome;
  // the review exists only where the contest's policy gives the correct answers (study quizzes)
  const reviewed = paper.questions.filter((q) => q.correctOption != null);
  const questions = reviewed.map((q) => {
    const options = q.options.map((opt) => {
      const right = opt.number === q.correctOption;
      const mine = opt.number === q.chosen;
      const cls = right ? 'correct' : (mine ? 'wrong' : '');
      const tags = [right ? t('correctAnswer') : null, mine ? t('yourAnswer') : null].filter(Boolean);
      return `<div class="option ${cls}">${esc(opt.text)}${tags.length ? esc(` (${tags.join(', ')})`) : ''}</div>`;
    }).join('');
    const verdict = q.chosen == null ? ['unanswered', t('notAnswered')] : (q.correct ? ['right', t('answerRight')] : ['wrong', t('answerWrong')]);
    return `<article class="card review-question" data-position="${q.position}"><h3>${q.position}. ${esc(q.stem)}</h3>
      <p class="verdict ${verdict[0]}">${esc(verdict[1])}</p>${options}
      ${q.explanation ? `<p class="explanation"><strong>${esc(t('explanation'))}:</strong> ${esc(q.explanation)}</p>` : ''}</article>`;
  }).join('');
  render(`<h1>${esc(t('result'))}: ${esc(paper.contestTitle)}</h1>
    ${timeUp ? `<p class="alert warn" role="alert">${esc(t('timeUp'))}</p>` : ''}
    ${o ? `<p class="card"><strong>${esc(t('score'))}:</strong> <span id="score">${o.score}/${o.maxScore}</span> ·
      <strong>${esc(t('band'))}:</strong> <span id="band">${esc(o.bandLabel)}</span>
      ${o.correctCount != null ? ` · <strong>${esc(t('correctCount'))}:</strong> <span id="correct-count">${o.correctCount}/${paper.questions.length}</span>` : ''}</p>` : ''}
    ${o && !o.passed ? `<p class="alert warn">${esc(t('mustRetake'))}</p>` : ''}
    <div class="actions"><a class="button" href="#/ket-qua/${paper.contestId}">${esc(t('result'))}</a>
      <a class="button secondary" href="#/">${esc(t('backToContests'))}</a></div>
    ${reviewed.length ? `<section id="review" aria-labelledby="review-h"><h2 id="review-h">${esc(t('review'))}</h2>${questions}</section>` : ''}`, t('result'));
}
