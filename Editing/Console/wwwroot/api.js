// The knowledge page's calls to the API: the session cookie goes with every call and the XSRF token with every change;
// a refusal comes back as an ApiError with its status and the problems the server listed.
'use strict';

function xsrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}

class ApiError extends Error {
  constructor(status, message, problems) { super(message); this.status = status; this.problems = problems || []; }
}

async function api(method, path, body) {
  const options = { method, headers: {}, credentials: 'same-origin' };
  if (method !== 'GET') options.headers['X-XSRF-TOKEN'] = xsrfToken();
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (!response.ok) {
    let detail = response.statusText;
    let problems = [];
    try { const json = await response.json(); detail = json.detail || json.title || detail; problems = json.problems || []; } catch { /* no JSON body */ }
    throw new ApiError(response.status, detail, problems);
  }
  return response.status === 204 ? null : response.json();
}
