// The JSON API, as both apps (candidate and console) use it. The session is an HttpOnly cookie the script never sees;
// state-changing calls carry X-Examcert-Csrf, which a cross-site form cannot send.
import { lang, t } from './i18n.js';

export class Refusal extends Error {
  constructor(status, problem) {
    super(problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.incident = problem.incident;
    this.fields = Object.fromEntries((problem.errors || []).map((e) => [e.field, e.message]));
  }
}

export class Offline extends Error {}

export function deviceId() {
  let id = localStorage.getItem('examcert.device');
  if (!id) {
    // crypto.randomUUID exists only in secure contexts (HTTPS, localhost); getRandomValues everywhere
    id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem('examcert.device', id);
  }
  return id;
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// The waiting room: while the server answers 503 server.busy, every call waits its Retry-After
// plus a random share of it (so the crowd comes back spread out) and asks again by itself, with
// the queue message in view instead of an error. A refused call changed nothing on the server:
// no attempt exists yet, so waiting here costs no exam time.
let waiting = 0;

function queueBanner() {
  let banner = document.getElementById('queue');
  if (!banner) {
    banner = document.createElement('p');
    banner.id = 'queue';
    banner.className = 'alert warn queue';
    banner.setAttribute('role', 'status');
    banner.hidden = true;
    const main = document.getElementById('main');
    main.parentNode.insertBefore(banner, main);
  }
  return banner;
}

/** Shows (seconds ≥ 0) or hides (null) the queue message; also used before the first start of an opening minute. */
export function showQueue(seconds) {
  const banner = queueBanner();
  if (seconds == null) {
    banner.hidden = true;
    banner.textContent = '';
    return;
  }
  banner.textContent = t('queued', Math.max(1, Math.round(seconds)));
  banner.hidden = false;
}

export { sleep };

// A call the database gave up on for another's sake (503 database.conflict) changed nothing either:
// it is made again by itself after its Retry-After, a few times, with no message.
const CONFLICT_RETRIES = 3;

// Milliseconds to wait before asking again: the refusal's Retry-After plus up to half again, so that
// a crowd refused together does not come back together.
function retryWait(refusal) {
  const seconds = Math.max(1, refusal.retryAfter || 1);
  return seconds * 1000 + Math.random() * seconds * 500;
}

export async function api(method, path, body) {
  for (let conflicts = 0; ;) {
    try {
      const data = await call(method, path, body);
      if (waiting === 0) showQueue(null);
      return data;
    } catch (e) {
      if (e instanceof Refusal && e.status === 503 && e.code === 'database.conflict' && conflicts < CONFLICT_RETRIES) {
        conflicts++;
        await sleep(retryWait(e));
        continue;
      }
      if (!(e instanceof Refusal) || e.status !== 503 || e.code !== 'server.busy') {
        if (waiting === 0) showQueue(null);
        throw e;
      }
      const wait = retryWait(e);
      waiting++;
      showQueue(wait / 1000);
      try {
        await sleep(wait);
      } finally {
        waiting--;
      }
    }
  }
}

async function call(method, path, body) {
  const headers = { 'Accept': 'application/json', 'Accept-Language': lang() === 'en' ? 'en' : 'vi', 'X-Device-Id': deviceId() };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-Examcert-Csrf'] = '1';
  }
  let response;
  try {
    response = await fetch(`/api/${path}`, { method, headers, credentials: 'same-origin',
      body: body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body) });
  } catch (e) {
    throw new Offline(e.message);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const refusal = new Refusal(response.status, data || {});
    refusal.retryAfter = Number(response.headers.get('Retry-After')) || null;
    throw refusal;
  }
  return data;
}
