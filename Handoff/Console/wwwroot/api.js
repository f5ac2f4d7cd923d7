// Calls to the console's API: the XSRF token on every change, a 401 ends the page's session (session.js), and a
// refusal becomes an Error with the server's detail, its status and, for a refused reply, its reason.
'use strict';

function xsrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}

async function api(method, path, body) {
  if (state.me && accountChanged()) throw new Error(t('loginAgain'));
  const options = { method, headers: {}, credentials: 'same-origin' };
  if (method !== 'GET') {
    options.headers['X-XSRF-TOKEN'] = xsrfToken();
  }
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (response.status === 401 && path !== '/api/auth/login') {
    sessionEnded();
    throw new Error(t('loginAgain'));
  }
  if (!response.ok) {
    let detail = response.statusText;
    let reason;
    try {
      const problem = await response.json();
      detail = problem.detail || detail;
      reason = problem.reason; // a reply refused because the person blocked the bot or left: 'blocked' or 'left'
    } catch { /* no JSON body */ }
    throw Object.assign(new Error(detail), { status: response.status, reason });
  }
  return response.status === 204 ? null : response.json();
}
