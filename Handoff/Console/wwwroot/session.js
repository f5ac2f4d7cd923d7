// Login, logout and the session's end: the page shows one counselor's session, and reloads to the login form (with the
// drafts gone) when the session ends or another login replaces it in this browser.
'use strict';

// The session ended while the page was open (logged out in another tab, a new password, deactivation): reload, so no
// person's words stay on the screen or in the page, and say why on the login form.
function sessionEnded() {
  if (!state.me || state.loggingOut) return showLogin();
  sessionStorage.setItem('console.sessionEnded', '1');
  reloadToLogin();
}

// A browser holds one console session, the last login's: when another counselor logs in on a page of this browser,
// every request of this page would go in their name while it still shows this counselor's (a Take gave the case to the
// other). The page's own XSRF token, from its login, tells: it reloads for whoever is logged in now, before acting.
function accountChanged() {
  if (xsrfToken() === state.xsrf) return false;
  if (xsrfToken() === '') {
    sessionEnded();
  } else {
    sessionStorage.setItem('console.replaced', state.me.name);
    reloadToLogin();
  }
  return true;
}

function noticeReplaced() {
  const replaced = sessionStorage.getItem('console.replaced');
  sessionStorage.removeItem('console.replaced');
  if (replaced && replaced.toLowerCase() !== state.me.name.toLowerCase()) {
    showError(consoleError('sessionReplaced', { name: state.me.name, previous: replaced }));
  }
}

// The next login starts from the queue, whoever logs in on this page, and finds none of the drafts.
function reloadToLogin() {
  replyDrafts.clear();
  history.replaceState(null, '', window.location.pathname);
  window.location.reload();
}

function showLogin() {
  state.me = null;
  replyDrafts.clear();
  if (sessionStorage.getItem('console.sessionEnded')) {
    sessionStorage.removeItem('console.sessionEnded');
    showError(consoleError('sessionEnded'));
  }
  $('login-view').hidden = false;
  placePageLanguage(false);
  $('nav').hidden = true;
  $('whoami').hidden = true;
  document.querySelectorAll('.view').forEach((v) => { v.hidden = true; });
}

// Below the login form while logged out: Name stays the first Tab stop of the page (a counselor logs in far more often
// than they change its language), and the choice is still there before logging in. In the header once logged in.
function placePageLanguage(loggedIn) {
  (loggedIn ? document.querySelector('header') : $('login-view')).append(document.querySelector('.page-language'));
}

async function start() {
  try {
    state.me = await api('GET', '/api/auth/me');
  } catch {
    placePageLanguage(false);
    return;
  }
  state.xsrf = xsrfToken();
  replyDrafts.keepFor(state.me.name);
  $('login-view').hidden = true;
  placePageLanguage(true);
  $('nav').hidden = false;
  $('whoami').hidden = false;
  $('me').textContent = `${state.me.name} (${state.me.languages.join(', ')})`;
  $('admin-tab').hidden = !state.me.isAdmin;
  connectStream();
  goTo(window.location.hash, false);
  noticeReplaced();
  noticeHeldChanges(null);
}

function isMe(counselor) {
  return !!counselor && counselor.toLowerCase() === state.me.name.toLowerCase();
}

function wireSession() {
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      await api('POST', '/api/auth/login', { name: form.get('name'), password: form.get('password') });
      event.target.reset();
      showError(null);
      await start();
    } catch (error) { showError(error); }
  });
  $('logout').addEventListener('click', async () => {
    state.loggingOut = true; // the stream this ends is no news to this page
    try { await api('POST', '/api/auth/logout'); } finally { reloadToLogin(); }
  });
  // Back at this page after someone logged in on another: say so now, not at the next click.
  window.addEventListener('focus', () => { if (state.me) accountChanged(); });
}
