// Counselor console: plain browser JavaScript, no dependencies. All user text goes through textContent, never innerHTML.
'use strict';

const state = { me: null, view: 'queue', conversation: null, canned: [], refreshTimer: null, deliveryTimer: null, seen: null, held: null, handedToMe: new Set(), urgentHeld: new Set(), focusNext: null, inserted: null, loggingOut: false, replyFor: null, refusedFor: null, accounts: [], xsrf: null };
const baseTitle = document.title;
// The console's own words follow the counselor's browser language, Slovenian or English; the scripts loaded after this
// one (plans.js, reply-box.js, new-lines.js) choose their words by it.
const consoleInSlovenian = (navigator.language || 'en').toLowerCase().startsWith('sl');
const $ = (id) => document.getElementById(id);

function xsrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}

async function api(method, path, body) {
  if (state.me && accountChanged()) throw new Error('Please log in again.');
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
    throw new Error('Please log in again.');
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

// An error from the counselor's own action ("not sent") stays until their next action or view: a refresh set off by
// the live stream (news of their Take arriving late on a busy machine, the person writing again) clears only an
// error a refresh showed, or the notice would vanish before it is read.
let errorFromRefresh = false;

function showError(error, fromRefresh = false) {
  const box = $('error');
  box.textContent = error ? String(error.message || error) : '';
  box.hidden = !error;
  errorFromRefresh = Boolean(error) && fromRefresh;
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

// Codes as a counselor reads them (the API keeps the stable codes).
const reasonWords = {
  askedForHuman: 'Asked for a person', lowConfidence: 'No good answer found', negativeFeedback: 'Answer did not help',
  sensitive: 'Sensitive topic', emergency: 'Emergency',
};
const outcomeWords = {
  resolved: 'Resolved', referred: 'Referred to an institution', noAnswer: 'No answer from the person',
  infoGiven: 'Information given, follow-up needed', notOurs: 'Not for the Starting Point office', other: 'Other',
  'withdrawn by user': 'Withdrawn by the person', 'deleted by user': 'Person deleted their data',
};
const institutionWords = {
  csd: 'CSD – social work centre', zrsz: 'ZRSZ – employment service', ue: 'UE – administrative unit', school: 'School or kindergarten',
  police: 'Police', library: 'Library', 'health-centre': 'Health centre (ZD Postojna)', ngo: 'NGO or legal aid', other: 'Other',
};
const reasonText = (code) => reasonWords[code] || code;
function outcomeText(outcome) {
  if (!outcome) return '';
  const [head, note] = outcome.split(' — ');
  const [code, institution] = head.split(':');
  const words = outcomeWords[code] || code;
  const text = institution ? `${words}: ${institutionWords[institution] || institution}` : words;
  return note ? `${text} — ${note}` : text;
}

// The queue's own lines: "closed: referred:ue — note" is stored as a code; the counselor reads it as the Closed list says it.
function systemLine(entry) {
  const text = entry.text.startsWith('closed: ') ? `Closed: ${outcomeText(entry.text.substring('closed: '.length))}` : entry.text;
  return entry.counselorName ? `${text} (${entry.counselorName})` : text;
}

// A counselor message's delivery in words; the reasons are the outbox's (dead letters keep the same text).
function deliveryText(delivery) {
  const reason = delivery.reason || '';
  if (delivery.state === 'delivered') return 'delivered';
  if (delivery.state === 'pending') {
    if (!reason) return 'sending…';
    return reason === 'rate limited' ? 'pending: rate limited, will be sent shortly' : `pending: ${reason}`;
  }
  if (reason === 'unreachable: blocked') return 'failed: the person blocked the bot';
  if (reason === 'unreachable: left') return 'failed: the person left the channel';
  if (reason.startsWith('unconfirmed')) return 'not confirmed: the network did not answer; it may have arrived';
  return `failed: ${reason}`;
}

function priorityBadge(priority) {
  return el('span', priority, `badge ${priority}`);
}

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
    showError(`This browser is now logged in as ${state.me.name}: that login replaced ${replaced}'s session in every tab of it. `
      + 'Counselors who share a computer each need a browser profile of their own.');
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
    showError('Your session has ended (logged out elsewhere, or your account changed). Please log in again.');
  }
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
  state.xsrf = xsrfToken();
  replyDrafts.keepFor(state.me.name);
  $('login-view').hidden = true;
  $('nav').hidden = false;
  $('whoami').hidden = false;
  $('me').textContent = `${state.me.name} (${state.me.languages.join(', ')})`;
  $('admin-tab').hidden = !state.me.isAdmin;
  connectStream();
  goTo(window.location.hash, false);
  noticeReplaced();
  noticeHeldChanges(null);
}

// A transfer to the counselor and a conversation they hold turning into an emergency alert through the live stream
// only. When no stream brought them they are found in the counselor's conversations: when the console opens (a transfer
// to a counselor whose console was closed: the transferring colleague was warned that they would not see it until they
// open the console), and when the stream is back after a loss, against what they held before it (state.held: id →
// priority). A conversation whose last event is its transfer to them counts as handed to them, with an urgent alert for
// an emergency, until they open it; what they took themselves, already answered or were already told is no news.
async function noticeHeldChanges(before) {
  const me = state.me.name.toLowerCase();
  let held;
  let handed = [];
  try {
    held = await heldByMe();
    const unknown = held.filter((r) => !before || !(before.has(r.id) || state.handedToMe.has(r.id) || state.conversation === r.id));
    const details = await Promise.all(unknown.map((r) => api('GET', `/api/handoffs/${r.id}`).catch(() => null)));
    handed = details.filter((r) => {
      const last = r && r.transcript.filter((e) => e.author === 'system' || e.author === 'counselor').pop();
      return last && last.author === 'system' && last.text.toLowerCase() === `transferred to ${me}`;
    });
  } catch { return; /* shown on next refresh */ }
  state.held = new Map(held.map((r) => [r.id, r.priority]));
  const emergencies = before ? held.filter((r) => r.priority === 'emergency' && before.has(r.id)
    && before.get(r.id) !== 'emergency' && !state.urgentHeld.has(r.id)) : [];
  for (const r of handed) {
    state.handedToMe.add(r.id);
    if (r.priority === 'emergency') state.urgentHeld.add(r.id);
  }
  for (const r of emergencies) {
    if (!(state.view === 'conversation' && state.conversation === r.id && !document.hidden)) state.urgentHeld.add(r.id);
  }
  if (handed.length > 0) {
    alertCounselor(handed.length === 1 ? 'A conversation was transferred to you' : `${handed.length} conversations were transferred to you`,
      handed.some((r) => r.priority === 'emergency'));
  }
  if (emergencies.length > 0) alertCounselor('A conversation you hold is now an emergency', true);
  if (handed.length > 0 || emergencies.length > 0) updateWaitingCount();
}

function isMe(counselor) {
  return !!counselor && counselor.toLowerCase() === state.me.name.toLowerCase();
}

async function heldByMe() {
  return (await api('GET', '/api/handoffs?status=active')).filter((r) => isMe(r.assignedCounselor));
}

// Keeps state.held current while the stream is connected; one looked at after a loss could already hold what the
// stream missed, so it is left for the reconnection to compare.
async function rememberHeld() {
  try {
    const held = await heldByMe();
    if (!streamLost) state.held = new Map(held.map((r) => [r.id, r.priority]));
  } catch { /* the next change looks again */ }
}

// Where the keyboard goes on after a view changed under it; the heading is not a Tab stop itself.
function focusHeading(heading) {
  heading.tabIndex = -1;
  heading.focus();
}

// The address names the open view (#queue, #conversation/ID; an id, never a person's words), so the browser's reload
// comes back to it and its Back goes to the view before instead of out of the console. push: a new history entry, as a
// counselor's own step makes; false replaces the entry (the first view, Back and Forward themselves).
const listViews = ['queue', 'active', 'closed', 'dashboard', 'canned', 'admin'];

function goTo(address, push) {
  const conversation = /^#conversation\/([\w-]+)$/.exec(address);
  if (conversation) {
    openConversation(conversation[1], push);
    return;
  }
  const named = address.substring(1);
  const view = listViews.includes(named) && (named !== 'admin' || state.me.isAdmin) ? named : 'queue';
  show(view, push);
  focusHeading($(`${view}-view`).querySelector('h2'));
}

function remember(view, push) {
  const address = view === 'conversation' ? `#conversation/${state.conversation}` : `#${view}`;
  if (window.location.hash === address) return;
  if (push) history.pushState(null, '', address); else history.replaceState(null, '', address);
}

function show(view, push = true) {
  showError(null);
  state.view = view;
  if (view !== 'conversation') state.conversation = null;
  remember(view, push);
  document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== `${view}-view`; });
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('current', t.dataset.view === view));
  refresh();
}

async function refresh() {
  if (errorFromRefresh) showError(null);
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
    showError(error, true);
  }
}

function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(refresh, 150);
}

// Whether the stream was lost since its last "ready": it only carries what changes while connected, so a request or a
// message that came meanwhile (a network hiccup, a proxy closing the connection) shows only when the page looks again.
let streamLost = false;

function connectStream() {
  const source = new EventSource('/api/handoffs/stream');
  source.addEventListener('ready', () => {
    $('live').classList.add('on');
    if (!streamLost) return;
    streamLost = false;
    refresh();
    if (state.view !== 'queue') updateWaitingCount(); // the queue's drawing counts and announces itself
    if (state.held) noticeHeldChanges(state.held);
  });
  source.addEventListener('handoff', (event) => {
    const change = JSON.parse(event.data);
    if (state.view !== 'conversation' || (state.conversation && state.conversation === change.requestId)) {
      scheduleRefresh();
    }
    if (change.kind === 'transferred' && isMe(change.counselor) && state.conversation !== change.requestId) {
      state.handedToMe.add(change.requestId);
      alertCounselor('A conversation was transferred to you', false);
    }
    if (change.kind === 'priority' && isMe(change.counselor)) {
      noticeEmergencyHeld(change.requestId);
    }
    if (isMe(change.counselor) || (state.held && state.held.has(change.requestId))) rememberHeld();
    updateWaitingCount();
  });
  source.onerror = () => {
    $('live').classList.remove('on');
    streamLost = true;
    // The browser reconnects by itself unless the server refused (401 after a logout elsewhere): then ask whether the
    // session still holds; api() reloads to the login form if not, otherwise try again shortly.
    if (source.readyState === EventSource.CLOSED) {
      api('GET', '/api/auth/me').then(() => setTimeout(connectStream, 5000), () => {});
    }
  };
}

// A conversation the counselor holds that turns into an emergency ("my husband is hitting me right now" mid-chat) is
// no waiting request, so announce() never sees it: it alerts like a new emergency and keeps 🚨 in the title until opened.
async function noticeEmergencyHeld(id) {
  try {
    if ((await api('GET', `/api/handoffs/${id}`)).priority !== 'emergency') return;
  } catch { return; /* closed or erased meanwhile */ }
  if (!(state.view === 'conversation' && state.conversation === id && !document.hidden)) state.urgentHeld.add(id);
  alertCounselor('A conversation you hold is now an emergency', true);
  updateWaitingCount();
}

async function updateWaitingCount() {
  try {
    const waiting = await api('GET', '/api/handoffs?status=waiting&all=true');
    $('waiting-count').textContent = waiting.length ? String(waiting.length) : '';
    announce(waiting);
  } catch { /* shown on next refresh */ }
}

// New requests: a sound (unless muted), a desktop notification (when permitted), the count in the tab title; an
// emergency also stays in a banner on every view until someone claims it.
function announce(waiting) {
  const emergencies = waiting.filter((r) => r.priority === 'emergency');
  const handed = `${state.handedToMe.size ? `(→${state.handedToMe.size}) ` : ''}${state.urgentHeld.size ? '🚨 ' : ''}`;
  document.title = waiting.length ? `(${waiting.length})${emergencies.length ? ' 🚨' : ''} ${handed}${baseTitle}` : `${handed}${baseTitle}`;
  $('emergency-banner').hidden = emergencies.length === 0;
  $('emergency-text').textContent = emergencies.length === 1 ? 'An emergency is waiting – open the queue' : `${emergencies.length} emergencies are waiting – open the queue`;
  const fresh = state.seen ? waiting.filter((r) => !state.seen.has(r.id)) : [];
  state.seen = new Set(waiting.map((r) => r.id));
  if (fresh.length === 0) return;
  const urgent = fresh.some((r) => r.priority === 'emergency');
  alertCounselor(urgent ? 'New emergency request' : `New request (${fresh.length})`, urgent);
}

// One alert: sound (unless muted), desktop notification (when permitted) and the live region on the page.
function alertCounselor(text, urgent) {
  const muted = $('mute').checked;
  if (!muted) beep(urgent);
  if ('Notification' in window && Notification.permission === 'granted') {
    new Notification(text, { body: baseTitle, tag: urgent ? 'emergency' : 'request', requireInteraction: urgent });
  }
  $('alerts').textContent = text;
  $('alerts').dataset.sound = muted ? 'muted' : 'played';
}

function beep(urgent) {
  try {
    const audio = new AudioContext();
    const tones = urgent ? [880, 660, 880] : [660];
    tones.forEach((frequency, i) => {
      const oscillator = audio.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(audio.destination);
      oscillator.start(audio.currentTime + i * 0.25);
      oscillator.stop(audio.currentTime + i * 0.25 + 0.2);
    });
  } catch { /* no audio device: the title, banner and notification remain */ }
}

// Rows open with Enter as with a click; the row is a focusable control for keyboard users.
function openable(tr, id) {
  tr.tabIndex = 0;
  tr.dataset.request = id;
  tr.addEventListener('click', () => openConversation(id));
  tr.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target === tr) openConversation(id);
  });
}

async function renderQueue() {
  const all = $('show-all').checked;
  const rows = await api('GET', `/api/handoffs?status=waiting${all ? '&all=true' : ''}`);
  // What the title, the tab's count and the alerts count but this list leaves to colleagues: "Nobody is waiting" would
  // contradict them.
  const others = all ? 0 : (await api('GET', '/api/handoffs?status=waiting&all=true')).length - rows.length;
  const body = $('queue-rows');
  body.replaceChildren();
  $('queue-empty').hidden = rows.length > 0;
  $('queue-empty').textContent = others <= 0 ? 'Nobody is waiting.'
    : `Nobody is waiting in your languages. ${others === 1 ? '1 request waits' : `${others} requests wait`} for colleagues online `
      + `who speak its language: tick "Also show requests colleagues online can serve" to see ${others === 1 ? 'it' : 'them'}.`;
  for (const r of rows) {
    const tr = el('tr');
    const priority = el('td');
    priority.append(priorityBadge(r.priority));
    const language = el('td', r.routingLanguage);
    if (r.needsLanguage) language.append(' ', el('span', `needs ${r.needsLanguage}`, 'badge needs'));
    const preview = el('td', r.preview || '');
    preview.dir = lineDirection(r.preview || '', r.direction);
    const take = el('button', 'Take');
    // A screen reader reads the button alone ("Take, button" on every row): its name says whose request it takes.
    take.setAttribute('aria-label', `Take: ${r.routingLanguage}, ${r.channelId}, ${r.topic || 'no topic'}, ${reasonText(r.reason)}`);
    take.addEventListener('click', async (event) => {
      event.stopPropagation();
      try {
        await api('POST', `/api/handoffs/${r.id}/claim`);
        openConversation(r.id);
      } catch (error) { showError(error); }
    });
    const action = el('td');
    action.append(take);
    tr.append(priority, language, el('td', r.channelId), el('td', r.topic || ''), el('td', reasonText(r.reason)), el('td', minutes(r.waitSeconds)), preview, action);
    openable(tr, r.id);
    body.append(tr);
  }
  updateWaitingCount();
}

async function renderList(status) {
  const rows = await api('GET', `/api/handoffs?status=${status}`);
  const body = $(`${status}-rows`);
  body.replaceChildren();
  for (const r of rows) {
    const tr = el('tr');
    if (status === 'active') {
      const preview = el('td', r.preview || '');
      preview.dir = lineDirection(r.preview || '', r.direction);
      tr.append(el('td', r.assignedCounselor), el('td', r.routingLanguage), el('td', r.channelId), el('td', r.topic || ''), el('td', reasonText(r.reason)), preview);
    } else {
      tr.append(el('td', r.assignedCounselor || ''), el('td', r.language), el('td', r.topic || ''), el('td', outcomeText(r.outcome)), el('td', r.satisfaction ? String(r.satisfaction) : '–'));
    }
    openable(tr, r.id);
    body.append(tr);
  }
}

function openConversation(id, push = true) {
  state.conversation = id;
  state.focusNext = 'reply';
  // The reply box holds the draft of one conversation: words typed for one person never show in another's. It is this
  // conversation's from now, before the conversation is drawn: after Take the view is open and a counselor types at
  // once, and those words are this conversation's draft (the drawing used to replace them with the saved one).
  if (state.replyFor !== id) {
    $('reply-text').value = replyDrafts.get(id);
    state.replyFor = id;
  }
  // Seen now: the title stops calling for it ("(→1)" stayed until the next live update).
  const transferred = state.handedToMe.delete(id);
  const urgent = state.urgentHeld.delete(id);
  show('conversation', push);
  if (transferred || urgent) updateWaitingCount();
}

// The conversation is gone (the person sent /delete, or an admin erased their data): what they erased leaves the
// screen, and the counselor is told why instead of a bare "Not Found" beside the old transcript.
function conversationGone() {
  $('transcript').replaceChildren();
  // The lists drawn before hold the person's last words (the preview) until they are drawn again, a round trip later.
  document.querySelectorAll(`tr[data-request="${CSS.escape(state.conversation || '')}"]`).forEach((row) => row.remove());
  $('reply-text').value = '';
  replyDrafts.delete(state.conversation);
  state.replyFor = null;
  state.conversation = null;
  show('queue', false); // Back would only open the erased conversation again
  showError('This conversation no longer exists: the person deleted their data, or it was erased.');
}

// Each drawing of the conversation is numbered: one started by the live stream just before a Take can be answered
// after it, and drawing that older state would show the request as waiting again and use up the focus meant for the
// reply box. Only the latest started drawing draws.
let conversationDrawings = 0;

async function renderConversation() {
  const drawing = ++conversationDrawings;
  let r;
  try {
    r = await api('GET', `/api/handoffs/${state.conversation}`);
  } catch (error) {
    if (drawing !== conversationDrawings) return;
    if (error.status === 404) { conversationGone(); return; }
    throw error;
  }
  if (state.canned.length === 0) state.canned = await api('GET', '/api/canned-responses');
  if (drawing !== conversationDrawings) return;
  $('conv-title').textContent = `${r.channelId} · ${r.routingLanguage} · ${r.topic || 'no topic'} · ${reasonText(r.reason)}`;
  $('conv-status').textContent = r.assignedCounselor ? `${r.status} – ${r.assignedCounselor}` : r.status;
  const mine = r.status === 'active' && r.assignedCounselor && r.assignedCounselor.toLowerCase() === state.me.name.toLowerCase();
  $('take').disabled = r.status !== 'waiting';
  for (const id of ['release', 'send', 'reply-text', 'canned-pick']) $(id).disabled = !mine;
  document.querySelectorAll('#transfer-form button, #close-form button').forEach((b) => { b.disabled = !mine; });
  $('reply-text').dir = r.direction;
  // Blocked the bot / left the channel: say so where the counselor writes, since nothing will reach the person.
  const gone = $('conv-unreachable');
  gone.hidden = !r.unreachable;
  // The person wrote again after a reply was refused: the "not sent" notice would still say they cannot be reached.
  if (!r.unreachable && state.refusedFor === r.id) {
    state.refusedFor = null;
    showError('The person can be reached again: your reply is still in the box, send it now.');
  }
  gone.textContent = !r.unreachable ? ''
    : r.unreachable === 'blocked' ? 'The person has blocked the bot: messages cannot reach them until they write again.'
      : 'The person has left this channel (unsubscribed): messages cannot reach them until they write again.';

  const list = $('transcript');
  // A counselor reading back (how the request began, an address the person gave) stays there when the conversation is
  // drawn again for the person's next line, a delivery status or a colleague's note; the newest line is shown when the
  // conversation is opened, after their own action, and to whoever was already at the end.
  const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 16;
  const keepAt = state.focusNext || atEnd || list.dataset.conversation !== r.id ? null : list.scrollTop;
  list.dataset.conversation = r.id;
  list.replaceChildren();
  for (const entry of r.transcript) {
    const item = el('li', null, `bubble ${entry.author}`);
    if (entry.author !== 'system') item.dir = lineDirection(entry.text, r.direction);
    const who = entry.author === 'counselor' ? entry.counselorName : entry.author;
    const meta = el('span', `${who || entry.author} · ${new Date(entry.at).toLocaleString()}`, 'meta');
    meta.dir = 'ltr';
    item.append(meta, el('span', entry.author === 'system' ? systemLine(entry) : entry.text));
    if (entry.delivery) {
      const status = el('span', deliveryText(entry.delivery), `delivery ${entry.delivery.state}`);
      status.dir = 'ltr';
      item.append(status);
    }
    list.append(item);
  }
  list.scrollTop = keepAt ?? list.scrollHeight;
  // The stream carries each delivery change; while a message is still pending, also look again now and then, so a
  // change published while the stream was reconnecting is not missed.
  clearTimeout(state.deliveryTimer);
  if (r.transcript.some((e) => e.delivery && e.delivery.state === 'pending')) {
    const id = r.id;
    state.deliveryTimer = setTimeout(() => { if (state.view === 'conversation' && state.conversation === id) refresh(); }, 5000);
  }

  const notes = $('notes');
  notes.replaceChildren();
  // The note's own direction, apart from the counselor's name: an Arabic note read as left-to-right after "Maja:"
  // put its words around a Latin name out of order.
  for (const note of r.notes) {
    const text = el('span', note.text);
    text.dir = directionOf(note.text);
    const li = el('li', `${note.counselor}: `);
    li.append(text);
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
  $('person-data').hidden = !state.me.isAdmin;
  $('person-result').textContent = '';
  // After Take, or opening one's own conversation, the next thing a counselor does is write: the reply box has the
  // focus. Otherwise the heading, which says which conversation this is and (described by) its status.
  const focus = { reply: mine ? 'reply-text' : 'conv-title', note: 'note-text', title: 'conv-title' }[state.focusNext];
  state.focusNext = null;
  if (focus) $(focus).focus();
  document.dispatchEvent(new CustomEvent('console:conversation', { detail: { id: state.conversation, mine } }));
}

// Whether the server took it: a refused reply (the person blocked the bot or left) stays in its box to keep or copy.
// focusNext: where the focus goes once the conversation is drawn again ('reply', 'note' or 'title'; the last when the
// conversation leaves the counselor's hands and the control they used is disabled).
async function conversationAction(action, body, focusNext = null) {
  showError(null);
  state.refusedFor = null;
  try {
    await api('POST', `/api/handoffs/${state.conversation}/${action}`, body);
  } catch (error) {
    if (error.status === 404) conversationGone(); else showError(error);
    if (error.reason) state.refusedFor = state.conversation;
    return false;
  }
  state.focusNext = focusNext;
  try {
    await renderConversation();
  } catch (error) { showError(error); }
  return true;
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
    tr.append(el('td', row.date), el('td', row.language), el('td', reasonText(row.reason)), el('td', String(row.count)));
    days.append(tr);
  }
  const outcomes = $('d-outcomes');
  outcomes.replaceChildren(...d.outcomes.map((o) => { const tr = el('tr'); tr.append(el('td', outcomeText(o.key)), el('td', String(o.count))); return tr; }));
  const referrals = $('d-referrals');
  referrals.replaceChildren(...d.referrals.map((o) => { const tr = el('tr'); tr.append(el('td', institutionWords[o.key] || o.key), el('td', String(o.count))); return tr; }));
  const questions = $('d-questions');
  questions.replaceChildren();
  for (const q of d.unanswered) {
    const tr = el('tr');
    const text = el('td', q.text);
    text.dir = q.language === 'ar' ? 'rtl' : 'auto';
    tr.append(el('td', new Date(q.at).toLocaleString()), el('td', q.language), el('td', q.topic || ''), el('td', q.kind), text);
    questions.append(tr);
  }
  const stale = $('d-stale');
  stale.replaceChildren();
  for (const t of d.staleTopics || []) {
    const tr = el('tr');
    tr.append(el('td', t.topic), el('td', t.language), el('td', t.reviewed), el('td', t.reviewedBy), el('td', String(t.ageDays)));
    stale.append(tr);
  }
  document.dispatchEvent(new CustomEvent('console:dashboard', { detail: d }));
}

async function renderCanned() {
  state.canned = await api('GET', '/api/canned-responses');
  const body = $('canned-rows');
  body.replaceChildren();
  for (const [index, c] of state.canned.entries()) {
    const tr = el('tr');
    const text = el('td', c.text);
    text.dir = c.language === 'ar' ? 'rtl' : 'auto';
    const remove = el('button', 'Delete');
    // Named for a screen reader, and asked first: a deleted response is gone for every counselor, a default one too.
    remove.setAttribute('aria-label', `Delete: ${c.language} · ${c.title}`);
    remove.addEventListener('click', async (event) => {
      event.stopPropagation();
      if (!window.confirm(`Delete the canned response "${c.title}" (${c.language}) for every counselor?`)) return;
      try {
        await api('DELETE', `/api/canned-responses/${c.id}`);
        await renderCanned();
        // The keyboard stays in the list, on the response now in the deleted one's place.
        const rows = $('canned-rows').rows;
        (rows[Math.min(index, rows.length - 1)] || $('canned-title')).focus();
      } catch (error) { showError(error); }
    });
    const action = el('td');
    action.append(remove);
    tr.append(el('td', c.language), el('td', c.title), text, action);
    // A row opens for editing with Enter as with a click, and the form takes the focus, as the other lists do.
    const edit = () => {
      $('canned-id').value = c.id;
      $('canned-language').value = c.language;
      $('canned-title').value = c.title;
      $('canned-text').value = c.text;
      $('canned-form-title').textContent = 'Edit canned response';
      $('canned-title').focus();
    };
    tr.tabIndex = 0;
    tr.addEventListener('click', edit);
    // preventDefault: the Enter would otherwise go on to the title box it focused and submit the form unchanged.
    tr.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.target !== tr) return;
      event.preventDefault();
      edit();
    });
    body.append(tr);
  }
}

function resetCannedForm() {
  $('canned-form').reset();
  $('canned-id').value = '';
  $('canned-form-title').textContent = 'New canned response';
}

// What an admin needs to manage an account: its roles, whether it can log in, and the two actions that need no password.
function accountStatus(c) {
  if (c.deactivated) return 'deactivated';
  if (c.lockedUntil && new Date(c.lockedUntil) > new Date()) return `locked until ${new Date(c.lockedUntil).toLocaleString()}`;
  return c.online ? 'online' : '';
}

// After the table is redrawn, focus goes back to the same counselor's row, so a keyboard user goes on from there.
async function accountAction(name, action) {
  try {
    await api('POST', `/api/admin/counselors/${encodeURIComponent(name)}/${action}`);
    showError(null);
    await renderAdmin();
  } catch (error) { showError(error); }
  const row = [...$('counselor-rows').rows].find((r) => r.dataset.name === name);
  (row?.querySelector('button') || row?.cells[0])?.focus();
}

async function renderAdmin() {
  const counselors = await api('GET', '/api/admin/counselors');
  state.accounts = counselors;
  const body = $('counselor-rows');
  body.replaceChildren();
  for (const c of counselors) {
    const tr = el('tr');
    const actions = el('td');
    if (c.lockedUntil && !c.deactivated && new Date(c.lockedUntil) > new Date()) {
      const unlock = el('button', 'Unlock');
      unlock.type = 'button';
      unlock.setAttribute('aria-label', `Unlock ${c.name}`);
      unlock.addEventListener('click', () => accountAction(c.name, 'unlock'));
      actions.append(unlock);
    }
    if (!c.deactivated) {
      const deactivate = el('button', 'Deactivate', 'danger');
      deactivate.type = 'button';
      deactivate.setAttribute('aria-label', `Deactivate ${c.name}`);
      deactivate.addEventListener('click', () => {
        if (window.confirm(`Deactivate ${c.name}? They can no longer log in and their open sessions end. Saving the account again reactivates it.`)) {
          accountAction(c.name, 'deactivate');
        }
      });
      actions.append(deactivate);
    }
    tr.dataset.name = c.name;
    const name = el('td', c.name);
    name.tabIndex = -1;
    // Admins may edit knowledge without the editor role; the form's Editor box is the role itself.
    tr.append(name, el('td', c.languages.join(', ')), el('td', c.isAdmin ? 'yes' : ''),
      el('td', c.isEditor ? 'yes' : (c.isAdmin ? 'as admin' : '')), el('td', accountStatus(c)), actions);
    body.append(tr);
  }
}

// A colleague who is offline would not see the conversation until they next open the console: ask first.
// A transfer nobody online would see (to an offline colleague, or to a language nobody else online speaks) asks first:
// the person would wait until someone opens the console.
async function confirmTransfer(counselor, language) {
  let counselors;
  try {
    counselors = await api('GET', '/api/counselors');
  } catch (error) {
    showError(error);
    return false;
  }
  const question = counselor ? offlineColleagueQuestion(counselors, counselor) : language ? nobodyOnlineQuestion(counselors, language) : null;
  return !question || window.confirm(question);
}

function offlineColleagueQuestion(counselors, name) {
  const colleague = counselors.find((c) => c.name.toLowerCase() === name.toLowerCase());
  return colleague && !colleague.online
    ? `${colleague.name} is offline: they will not see this conversation until they open the console. Transfer anyway?`
    : null;
}

function nobodyOnlineQuestion(counselors, language) {
  const others = counselors.filter((c) => c.online && c.languages.includes(language) && c.name.toLowerCase() !== state.me.name.toLowerCase());
  return others.length === 0
    ? `Nobody online speaks ${language}: the person will wait until a counselor who does opens the console. Transfer anyway?`
    : null;
}

// Colleagues offered when the counselor starts typing a name: who is online and which languages each speaks, so a
// transfer goes to a name that exists and to someone who can talk with the person (a typed name that matches nobody is refused).
async function offerColleagues() {
  let counselors;
  try {
    counselors = await api('GET', '/api/counselors');
  } catch {
    return; // Typing a name still works; the transfer itself reports a failure.
  }
  const options = counselors
    .filter((c) => c.name.toLowerCase() !== state.me.name.toLowerCase())
    .sort((a, b) => (b.online - a.online) || a.name.localeCompare(b.name))
    .map((c) => {
      const option = el('option');
      option.value = c.name;
      option.label = `${c.online ? 'online' : 'offline'} · ${c.languages.join(', ')}`;
      return option;
    });
  $('transfer-colleagues').replaceChildren(...options);
}

const ARABIC_LETTERS = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;

// A transcript line or preview: right-to-left in an Arabic conversation when it has Arabic letters, and in any other
// conversation when most of its letters are Arabic (a person switching, danger typed in Arabic). A line without Arabic
// keeps its own order: "/counselor" or a date forced right-to-left read "counselor/".
function lineDirection(text, conversationDirection) {
  if (!text.match(ARABIC_LETTERS)) return 'auto';
  return conversationDirection === 'rtl' ? 'rtl' : directionOf(text);
}

// Right-to-left when most letters are Arabic script. The browser's dir="auto" goes by the first letter only, so an
// Arabic note that begins with a colleague's or an institution's Latin name ("Maja اتصلت بالمدرسة") read left-to-right.
function directionOf(text) {
  const arabic = (text.match(ARABIC_LETTERS) || []).length;
  const latinOrCyrillic = (text.match(/[A-Za-z\u00C0-\u024F\u0400-\u04FF]/g) || []).length;
  return arabic === 0 ? 'auto' : arabic >= latinOrCyrillic ? 'rtl' : 'auto';
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
    state.loggingOut = true; // the stream this ends is no news to this page
    try { await api('POST', '/api/auth/logout'); } finally { reloadToLogin(); }
  });
  // Back at this page after someone logged in on another: say so now, not at the next click.
  window.addEventListener('focus', () => { if (state.me) accountChanged(); });
  window.addEventListener('popstate', () => { if (state.me) goTo(window.location.hash, false); });
  document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => show(tab.dataset.view)));
  $('show-all').addEventListener('change', refresh);
  // Back hides the button it was pressed on: the keyboard goes on from the queue's heading, not the top of the page.
  $('back').addEventListener('click', () => {
    show('queue');
    focusHeading($('queue-view').querySelector('h2'));
  });
  $('take').addEventListener('click', () => conversationAction('claim', undefined, 'reply'));
  $('mute').checked = localStorage.getItem('console.mute') === '1';
  $('mute').addEventListener('change', () => localStorage.setItem('console.mute', $('mute').checked ? '1' : '0'));
  $('notify').hidden = !('Notification' in window) || Notification.permission === 'granted';
  $('notify').addEventListener('click', async () => {
    $('notify').hidden = (await Notification.requestPermission()) === 'granted';
  });
  // Every counselor online is alerted to an emergency, also one in a colleague's language: the queue it opens shows it.
  $('emergency-open').addEventListener('click', () => {
    $('show-all').checked = true;
    show('queue');
  });
  // Admins export or erase the person of the open conversation; their user id stays on the server.
  $('person-export').addEventListener('click', async () => {
    try {
      const data = await api('GET', `/api/admin/handoffs/${state.conversation}/person/export`);
      const link = el('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      link.download = `person-data-${state.conversation}.json`;
      link.click();
      $('person-result').textContent = 'Exported.';
    } catch (error) { showError(error); }
  });
  $('person-erase').addEventListener('click', async () => {
    if (!window.confirm('Erase everything stored about this person? This cannot be undone.')) return;
    try {
      await api('DELETE', `/api/admin/handoffs/${state.conversation}/person`);
      $('person-result').textContent = 'Erased.';
    } catch (error) { showError(error); }
  });
  $('release').addEventListener('click', () => conversationAction('release', undefined, 'title'));
  // A canned text goes after what the counselor wrote; choosing another (the arrow keys choose at each press) replaces
  // only the canned text chosen before, so the counselor's own words stay.
  $('canned-pick').addEventListener('change', (event) => {
    const box = $('reply-text');
    const own = state.inserted && box.value === state.inserted.before + state.inserted.text ? state.inserted.before : box.value;
    const before = own && !/\s$/.test(own) && event.target.value ? `${own} ` : own;
    box.value = before + event.target.value;
    state.inserted = { before, text: event.target.value };
    keepReplyDraft();
  });
  $('reply-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('reply-text').value.trim();
    if (!text) return;
    const id = state.replyFor;
    if (await conversationAction('messages', { text }, 'reply')) {
      replyDrafts.delete(id);
      $('reply-text').value = '';
      state.inserted = null;
    }
  });
  $('note-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('note-text').value.trim();
    if (!text) return;
    if (await conversationAction('notes', { text }, 'note')) $('note-text').value = '';
  });
  $('transfer-counselor').addEventListener('focus', offerColleagues);
  $('transfer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const counselor = $('transfer-counselor').value.trim();
    const language = $('transfer-language').value;
    if (!(await confirmTransfer(counselor, language))) return;
    await conversationAction('transfer', counselor ? { counselor } : { language }, 'title');
    event.target.reset();
  });
  $('close-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = $('close-outcome').value;
    const head = code === 'referred' ? `referred:${$('close-institution').value}` : code;
    const note = $('close-note').value.trim();
    await conversationAction('close', { outcome: note ? `${head} — ${note}` : head }, 'title');
    $('close-note').value = '';
  });
  $('close-outcome').addEventListener('change', () => { $('close-institution-label').hidden = $('close-outcome').value !== 'referred'; });
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
  // Saving an existing name replaces the account: start from what it has, so a new password drops no role by mistake.
  $('new-name').addEventListener('change', () => {
    const name = $('new-name').value.trim().toLowerCase();
    const existing = (state.accounts || []).find((c) => c.name.toLowerCase() === name);
    if (!existing) return;
    $('new-languages').value = existing.languages.join(',');
    $('new-admin').checked = existing.isAdmin;
    $('new-editor').checked = existing.isEditor;
  });
  $('counselor-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', '/api/admin/counselors', {
        name: $('new-name').value,
        languages: $('new-languages').value.split(',').map((l) => l.trim()).filter(Boolean),
        password: $('new-password').value || null, // none: an existing account keeps its password
        isAdmin: $('new-admin').checked,
        isEditor: $('new-editor').checked,
      });
      event.target.reset();
      showError(null);
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

// The scripts deferred after this file listen for its console:conversation and console:dashboard events (plans.js,
// new-lines.js) or hold what it calls (reply-box.js: replyDrafts); starting before they have run (a slow download) would
// draw a conversation or the dashboard without its plan, or fail on the draft.
document.addEventListener('DOMContentLoaded', () => { wire(); start(); });
