// Counselor console: plain browser JavaScript, no dependencies. All user text goes through textContent, never innerHTML.
'use strict';

const state = { me: null, view: 'queue', conversation: null, canned: [], refreshTimer: null };
const $ = (id) => document.getElementById(id);

function xsrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}

async function api(method, path, body) {
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
    showLogin();
    throw new Error('Please log in again.');
  }
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch { /* no JSON body */ }
    throw new Error(detail);
  }
  return response.status === 204 ? null : response.json();
}

function showError(error) {
  const box = $('error');
  box.textContent = error ? String(error.message || error) : '';
  box.hidden = !error;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function minutes(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const m = Math.round(seconds / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

function priorityBadge(priority) {
  return el('span', priority, `badge ${priority}`);
}

function showLogin() {
  state.me = null;
  $('login-view').hidden = false;
  $('nav').hidden = true;
  $('whoami').hidden = true;
  document.querySelectorAll('.view').forEach((v) => { v.hidden = true; });
}

async function start() {
  try {
    state.me = await api('GET', '/api/auth/me');
  } catch {
    return;
  }
  $('login-view').hidden = true;
  $('nav').hidden = false;
  $('whoami').hidden = false;
  $('me').textContent = `${state.me.name} (${state.me.languages.join(', ')})`;
  $('admin-tab').hidden = !state.me.isAdmin;
  connectStream();
  show('queue');
}

function show(view) {
  state.view = view;
  if (view !== 'conversation') state.conversation = null;
  document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== `${view}-view`; });
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('current', t.dataset.view === view));
  refresh();
}

async function refresh() {
  showError(null);
  try {
    switch (state.view) {
      case 'queue': await renderQueue(); break;
      case 'active': await renderList('active'); break;
      case 'closed': await renderList('closed'); break;
      case 'conversation': await renderConversation(); break;
      case 'dashboard': await renderDashboard(); break;
      case 'canned': await renderCanned(); break;
      case 'admin': await renderAdmin(); break;
      default: break;
    }
  } catch (error) {
    showError(error);
  }
}

function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(refresh, 150);
}

function connectStream() {
  const source = new EventSource('/api/handoffs/stream');
  source.addEventListener('ready', () => $('live').classList.add('on'));
  source.addEventListener('handoff', (event) => {
    const change = JSON.parse(event.data);
    if (state.view !== 'conversation' || (state.conversation && state.conversation === change.requestId)) {
      scheduleRefresh();
    }
    updateWaitingCount();
  });
  source.onerror = () => $('live').classList.remove('on');
}

async function updateWaitingCount() {
  try {
    const waiting = await api('GET', '/api/handoffs?status=waiting&all=true');
    $('waiting-count').textContent = waiting.length ? String(waiting.length) : '';
  } catch { /* shown on next refresh */ }
}

async function renderQueue() {
  const all = $('show-all').checked;
  const rows = await api('GET', `/api/handoffs?status=waiting${all ? '&all=true' : ''}`);
  const body = $('queue-rows');
  body.replaceChildren();
  $('queue-empty').hidden = rows.length > 0;
  for (const r of rows) {
    const tr = el('tr');
    const priority = el('td');
    priority.append(priorityBadge(r.priority));
    const language = el('td', r.routingLanguage);
    if (r.needsLanguage) language.append(' ', el('span', `needs ${r.needsLanguage}`, 'badge needs'));
    const preview = el('td', r.preview || '');
    preview.dir = r.direction;
    const take = el('button', 'Take');
    take.addEventListener('click', async (event) => {
      event.stopPropagation();
      try {
        await api('POST', `/api/handoffs/${r.id}/claim`);
        openConversation(r.id);
      } catch (error) { showError(error); }
    });
    const action = el('td');
    action.append(take);
    tr.append(priority, language, el('td', r.channelId), el('td', r.topic || ''), el('td', r.reason), el('td', minutes(r.waitSeconds)), preview, action);
    tr.addEventListener('click', () => openConversation(r.id));
    body.append(tr);
  }
  $('waiting-count').textContent = rows.length ? String(rows.length) : '';
}

async function renderList(status) {
  const rows = await api('GET', `/api/handoffs?status=${status}`);
  const body = $(`${status}-rows`);
  body.replaceChildren();
  for (const r of rows) {
    const tr = el('tr');
    if (status === 'active') {
      const preview = el('td', r.preview || '');
      preview.dir = r.direction;
      tr.append(el('td', r.assignedCounselor), el('td', r.routingLanguage), el('td', r.channelId), el('td', r.topic || ''), el('td', r.reason), preview);
    } else {
      tr.append(el('td', r.assignedCounselor || ''), el('td', r.language), el('td', r.topic || ''), el('td', r.outcome || ''), el('td', r.satisfaction ? String(r.satisfaction) : '–'));
    }
    tr.addEventListener('click', () => openConversation(r.id));
    body.append(tr);
  }
}

function openConversation(id) {
  state.conversation = id;
  show('conversation');
}

async function renderConversation() {
  const r = await api('GET', `/api/handoffs/${state.conversation}`);
  if (state.canned.length === 0) state.canned = await api('GET', '/api/canned-responses');
  $('conv-title').textContent = `${r.channelId} · ${r.routingLanguage} · ${r.topic || 'no topic'} · ${r.reason}`;
  $('conv-status').textContent = r.assignedCounselor ? `${r.status} – ${r.assignedCounselor}` : r.status;
  const mine = r.status === 'active' && r.assignedCounselor && r.assignedCounselor.toLowerCase() === state.me.name.toLowerCase();
  $('take').disabled = r.status !== 'waiting';
  for (const id of ['release', 'send', 'reply-text', 'canned-pick']) $(id).disabled = !mine;
  document.querySelectorAll('#transfer-form button, #close-form button').forEach((b) => { b.disabled = !mine; });
  $('reply-text').dir = r.direction;

  const list = $('transcript');
  list.replaceChildren();
  for (const entry of r.transcript) {
    const item = el('li', null, `bubble ${entry.author}`);
    if (entry.author !== 'system') item.dir = r.direction;
    const who = entry.author === 'counselor' ? entry.counselorName : entry.author;
    const meta = el('span', `${who || entry.author} · ${new Date(entry.at).toLocaleString()}`, 'meta');
    meta.dir = 'ltr';
    item.append(meta, el('span', entry.author === 'system' && entry.counselorName ? `${entry.text} (${entry.counselorName})` : entry.text));
    list.append(item);
  }
  list.scrollTop = list.scrollHeight;

  const notes = $('notes');
  notes.replaceChildren();
  for (const note of r.notes) {
    const li = el('li', `${note.counselor}: ${note.text}`);
    li.dir = 'auto';
    notes.append(li);
  }

  const pick = $('canned-pick');
  pick.replaceChildren(el('option', 'Canned response…'));
  pick.firstChild.value = '';
  for (const c of state.canned.filter((x) => x.language === r.routingLanguage || x.language === r.language)) {
    const option = el('option', `${c.language} · ${c.title}`);
    option.value = c.text;
    pick.append(option);
  }
  document.dispatchEvent(new CustomEvent('console:conversation', { detail: { id: state.conversation, mine } }));
}

async function conversationAction(action, body) {
  try {
    await api('POST', `/api/handoffs/${state.conversation}/${action}`, body);
    await renderConversation();
  } catch (error) { showError(error); }
}

async function renderDashboard() {
  const d = await api('GET', '/api/dashboard');
  $('d-waiting').textContent = String(d.waitingNow);
  $('d-active').textContent = String(d.activeNow);
  $('d-median').textContent = minutes(d.medianWaitSecondsToday);
  $('d-p90').textContent = minutes(d.p90WaitSecondsToday);
  $('d-satisfaction').textContent = d.satisfaction.average ? `${d.satisfaction.average} / 5 (${d.satisfaction.count})` : '–';
  const days = $('d-days');
  days.replaceChildren();
  for (const row of d.perDay) {
    const tr = el('tr');
    tr.append(el('td', row.date), el('td', row.language), el('td', row.reason), el('td', String(row.count)));
    days.append(tr);
  }
  const questions = $('d-questions');
  questions.replaceChildren();
  for (const q of d.unanswered) {
    const tr = el('tr');
    const text = el('td', q.text);
    text.dir = q.language === 'ar' ? 'rtl' : 'auto';
    tr.append(el('td', new Date(q.at).toLocaleString()), el('td', q.language), el('td', q.topic || ''), el('td', q.kind), text);
    questions.append(tr);
  }
  document.dispatchEvent(new CustomEvent('console:dashboard', { detail: d }));
}

async function renderCanned() {
  state.canned = await api('GET', '/api/canned-responses');
  const body = $('canned-rows');
  body.replaceChildren();
  for (const c of state.canned) {
    const tr = el('tr');
    const text = el('td', c.text);
    text.dir = c.language === 'ar' ? 'rtl' : 'auto';
    const remove = el('button', 'Delete');
    remove.addEventListener('click', async (event) => {
      event.stopPropagation();
      try { await api('DELETE', `/api/canned-responses/${c.id}`); await renderCanned(); } catch (error) { showError(error); }
    });
    const action = el('td');
    action.append(remove);
    tr.append(el('td', c.language), el('td', c.title), text, action);
    tr.addEventListener('click', () => {
      $('canned-id').value = c.id;
      $('canned-language').value = c.language;
      $('canned-title').value = c.title;
      $('canned-text').value = c.text;
      $('canned-form-title').textContent = 'Edit canned response';
    });
    body.append(tr);
  }
}

function resetCannedForm() {
  $('canned-form').reset();
  $('canned-id').value = '';
  $('canned-form-title').textContent = 'New canned response';
}

async function renderAdmin() {
  const counselors = await api('GET', '/api/admin/counselors');
  const body = $('counselor-rows');
  body.replaceChildren();
  for (const c of counselors) {
    const tr = el('tr');
    tr.append(el('td', c.name), el('td', c.languages.join(', ')), el('td', c.isAdmin ? 'yes' : ''), el('td', c.online ? 'online' : ''));
    body.append(tr);
  }
}

function userPath() {
  return `/api/admin/users/${encodeURIComponent($('user-channel').value)}/${encodeURIComponent($('user-id').value)}`;
}

function wire() {
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
    try { await api('POST', '/api/auth/logout'); } finally { window.location.reload(); }
  });
  document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => show(tab.dataset.view)));
  $('show-all').addEventListener('change', refresh);
  $('back').addEventListener('click', () => show('queue'));
  $('take').addEventListener('click', () => conversationAction('claim'));
  $('release').addEventListener('click', () => conversationAction('release'));
  $('canned-pick').addEventListener('change', (event) => {
    if (event.target.value) $('reply-text').value = event.target.value;
  });
  $('reply-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('reply-text').value.trim();
    if (!text) return;
    await conversationAction('messages', { text });
    $('reply-text').value = '';
  });
  $('note-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('note-text').value.trim();
    if (!text) return;
    await conversationAction('notes', { text });
    $('note-text').value = '';
  });
  $('transfer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const counselor = $('transfer-counselor').value.trim();
    const language = $('transfer-language').value;
    await conversationAction('transfer', counselor ? { counselor } : { language });
    event.target.reset();
  });
  $('close-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    await conversationAction('close', { outcome: $('close-outcome').value.trim() || 'resolved' });
  });
  $('canned-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { language: $('canned-language').value, title: $('canned-title').value, text: $('canned-text').value };
    const id = $('canned-id').value;
    try {
      await api(id ? 'PUT' : 'POST', id ? `/api/canned-responses/${id}` : '/api/canned-responses', body);
      resetCannedForm();
      await renderCanned();
    } catch (error) { showError(error); }
  });
  $('canned-cancel').addEventListener('click', resetCannedForm);
  $('counselor-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', '/api/admin/counselors', {
        name: $('new-name').value,
        languages: $('new-languages').value.split(',').map((l) => l.trim()).filter(Boolean),
        password: $('new-password').value,
        isAdmin: $('new-admin').checked,
      });
      event.target.reset();
      await renderAdmin();
    } catch (error) { showError(error); }
  });
  $('user-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try { $('user-result').textContent = JSON.stringify(await api('GET', `${userPath()}/export`), null, 2); } catch (error) { showError(error); }
  });
  $('user-erase').addEventListener('click', async () => {
    if (!$('user-form').reportValidity() || !window.confirm('Erase all data of this person? This cannot be undone.')) return;
    try { $('user-result').textContent = JSON.stringify(await api('DELETE', userPath()), null, 2); } catch (error) { showError(error); }
  });
}

wire();
start();
