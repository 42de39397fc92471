// The JSON API, as the browser uses it. The session is an HttpOnly cookie the script never sees;
// state-changing calls carry X-Examcert-Csrf, which a cross-site form cannot send.
import { lang } from './i18n.js';

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

export async function api(method, path, body) {
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
  if (!response.ok) throw new Refusal(response.status, data || {});
  return data;
}
