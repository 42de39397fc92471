// The organizer console: views switched by the location hash, like the candidate app. The session is
// the HttpOnly cookie set at log-in; nothing is stored in the browser but the language choice.
import { api, Refusal } from '../shared/api.js';
import { t, lang, setLang } from './i18n.js';
import { labelLanguageButton } from '../shared/i18n.js';
import { esc, render, problem, field, showRefusal, leave, Stale } from './ui.js';
import { contestsView, contestFormView, contestView, previewView } from './contests.js';
import { banksView, bankView } from './banks.js';
import { unitsView } from './units.js';
import { dashboardView, rankingsView } from './dashboard.js';
import { certificatesView } from './certificates.js';
import { staffView, auditView } from './admin.js';

let me = null;

async function whoAmI() {
  try {
    me = await api('GET', 'console/session');
  } catch (e) {
    me = null;
  }
  chrome();
}

function chrome() {
  const nav = document.getElementById('nav');
  const items = me ? [['#/cuoc-thi', t('contests')], ['#/ngan-hang', t('banks')], ['#/don-vi', t('units')]]
    .concat(me.role === 'ADMINISTRATOR' ? [['#/can-bo', t('staff')]] : [])
    .concat([['#/nhat-ky', t('audit')]]) : [['#/dang-nhap', t('login')]];
  const here = (location.hash || '#/').split('/')[1];
  nav.innerHTML = `<ul>${items.map(([href, text]) => `<li><a href="${href}"${href.split('/')[1] === here ? ' aria-current="page"' : ''}>${esc(text)}</a></li>`).join('')}</ul>`;
  nav.setAttribute('aria-label', t('navLabel'));
  const who = document.getElementById('who');
  who.innerHTML = me ? `<span id="role">${esc(t('loggedInAs', me.email || me.fullName || '', me.role ? t(me.role) : ''))}</span>
    <button type="button" class="link" id="logout">${esc(t('logout'))}</button>` : '';
  const logout = document.getElementById('logout');
  if (logout) {
    logout.addEventListener('click', async () => {
      try {
        await api('DELETE', 'console/session');
      } catch (e) {
        // an older server without DELETE: the cookie stays, but the console forgets the person
      }
      me = null;
      location.hash = '#/dang-nhap';
      chrome();
    });
  }
  labelLanguageButton(document.getElementById('lang'));
  document.getElementById('skip').textContent = t('skip');
  document.querySelector('.brand span').textContent = `· ${t('console')}`;
}

function loginView() {
  render(`<h1>${esc(t('login'))}</h1><div id="form-error"></div>
    <form id="login" class="card narrow" novalidate>
      ${field('email', t('email'), { type: 'email', attrs: 'autocomplete="username" required' })}
      ${field('password', t('password'), { type: 'password', attrs: 'autocomplete="current-password" required' })}
      <button type="submit">${esc(t('login'))}</button>
    </form>`, t('login'));
  const form = document.getElementById('login');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      me = await api('POST', 'console/session', Object.fromEntries(new FormData(form)));
      chrome();
      location.hash = '#/cuoc-thi';
    } catch (e) {
      showRefusal(document.getElementById('form-error'), form, e);
    }
  });
}

// Views load asynchronously; running them one after another means a slow view can never paint over
// the view of a later hash change (the last route always renders last).
let routing = Promise.resolve();
function route() {
  routing = routing.then(show, show);
  return routing;
}

async function show() {
  leave();
  const [, view, id, sub, extra] = (location.hash || '#/').split('/').map((part) => decodeURIComponent(part || ''));
  chrome();
  try {
    if (!me || view === 'dang-nhap') return loginView();
    if (view === 'cuoc-thi' && id === 'moi') return await contestFormView(null);
    if (view === 'cuoc-thi' && id && sub === 'sua') return await contestFormView(Number(id));
    if (view === 'cuoc-thi' && id && sub === 'theo-doi') return await dashboardView(Number(id));
    if (view === 'cuoc-thi' && id && sub === 'xep-hang') return await rankingsView(Number(id), extra);
    if (view === 'cuoc-thi' && id && sub === 'chung-nhan') return await certificatesView(Number(id));
    if (view === 'cuoc-thi' && id && sub === 'xem-truoc') return await previewView(Number(id), extra);
    if (view === 'cuoc-thi' && id) return await contestView(Number(id));
    if (view === 'ngan-hang' && id) return await bankView(id);
    if (view === 'ngan-hang') return await banksView();
    if (view === 'don-vi') return await unitsView();
    if (view === 'can-bo') return await staffView();
    if (view === 'nhat-ky') return await auditView();
    return await contestsView();
  } catch (e) {
    if (e instanceof Stale) return;
    if (e instanceof Refusal && e.status === 401) {
      me = null;
      chrome();
      return loginView();
    }
    render(`<h1>${esc(t('console'))}</h1>${problem(e)}<p><a href="#/cuoc-thi">${esc(t('contests'))}</a></p>`, t('console'));
  }
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(lang() === 'en' ? 'vi' : 'en');
  route();
});
// the skip link moves the focus without touching the hash, which drives the views
document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});
window.addEventListener('hashchange', route);
setLang(lang());
await whoAmI();
route();
