// Calls to the console's API: the XSRF token on every change, a 401 ends the page's session (session.js), and a
// refusal becomes an Error with the server's detail, its status and, for a refused reply, its reason. A refusal with a
// code (ConsoleProblem) also carries the key and values that word it in the page's language (showError, console.js).
'use strict';

function xsrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}

async function api(method, path, body) {
  if (state.me && accountChanged()) throw consoleError('loginAgain');
  const options = { method, headers: {}, credentials: 'same-origin' };
  if (method !== 'GET') {
    options.headers['X-XSRF-TOKEN'] = xsrfToken();
  }
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch {
    throw consoleError('error.network');
  }
  if (response.status === 401 && path !== '/api/auth/login') {
    sessionEnded();
    throw consoleError('loginAgain');
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { /* no JSON body */ }
    throw refusal(response, problem);
  }
  return response.status === 204 ? null : response.json();
}

// The server's refusal as an Error: its English detail as the message, and the words in the page's language by its code;
// without a code, by its status.
function refusal(response, problem) {
  const key = problem.code && `error.${problem.code}` in consoleStrings.en ? `error.${problem.code}`
    : problem.detail ? null
      : response.status === 404 ? 'error.notFound' : 'error.server';
  const values = key === 'error.server' ? { status: response.status } : problem.values || {};
  // reason: a reply refused because the person blocked the bot or left ('blocked' or 'left').
  return Object.assign(new Error(problem.detail || response.statusText), { status: response.status, reason: problem.reason, key, values });
}
