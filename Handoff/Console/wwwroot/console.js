// Counselor console: plain browser JavaScript, no dependencies. All user text goes through textContent, never innerHTML.
// This file holds what every other script of the page uses (its state, $(), el(), the error line), which view is shown
// and at which address, and the start. index.html loads it first; page-language.js (t(), the page's language) and the
// others follow, one concept each.
'use strict';

const state = { me: null, view: 'queue', conversation: null, canned: [], refreshTimer: null, deliveryTimer: null, seen: null, held: null, handedToMe: new Set(), urgentHeld: new Set(), focusNext: null, inserted: null, loggingOut: false, replyFor: null, refusedFor: null, accounts: [], xsrf: null };
const $ = (id) => document.getElementById(id);

// An error from the counselor's own action ("not sent") stays until their next action or view: a refresh set off by
// the live stream (news of their Take arriving late on a busy machine, the person writing again) clears only an
// error a refresh showed, or the notice would vanish before it is read.
let errorFromRefresh = false;
// The error on screen, so a change of the page's language words it again.
let errorShown = null;

function showError(error, fromRefresh = false) {
  const box = $('error');
  box.replaceChildren(...(error ? errorWords(error) : []));
  box.hidden = !error;
  errorShown = error || null;
  errorFromRefresh = Boolean(error) && fromRefresh;
}

// An error of the page's own (a key of the string tables); its message is the text in today's language, for whoever reads
// it as a plain Error.
function consoleError(key, values = {}) {
  return Object.assign(new Error(t(key, values)), { key, values });
}

// The error line in the page's language: one of the page's own or a refusal the server gave a code (api.js); anything
// else (a text the browser made) as it came. A request's state is a code too.
function errorWords(error) {
  if (!error.key) return [document.createTextNode(String(error.message || error))];
  const values = error.key === 'error.invalidState' ? { status: codeText('status', error.values.status) } : error.values;
  return tIsolated(error.key, values || {});
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
  return m < 60 ? t('minutes', { m }) : t('hoursMinutes', { h: Math.floor(m / 60), m: m % 60 });
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

// The address, the tabs and Back lead from view to view.
function wireViews() {
  window.addEventListener('popstate', () => { if (state.me) goTo(window.location.hash, false); });
  document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => show(tab.dataset.view)));
  $('show-all').addEventListener('change', refresh);
  // Back hides the button it was pressed on: the keyboard goes on from the queue's heading, not the top of the page.
  $('back').addEventListener('click', () => {
    show('queue');
    focusHeading($('queue-view').querySelector('h2'));
  });
}

// The counselor chose another language for the page: what the scripts drew is drawn again in it, the open view with
// the title's counts (translatePage() changed what index.html holds).
document.addEventListener('console:language', () => {
  if (errorShown) showError(errorShown, errorFromRefresh);
  if (!state.me) return;
  updateWaitingCount();
  refresh();
});

// Every script is deferred, so all of them have run before this: the ones that draw (plans.js, new-lines.js) listen for
// console:conversation and console:dashboard, and the others hold what this calls; starting before they have run (a slow
// download) would draw a conversation or the dashboard without its plan, or fail on a function not yet defined.
document.addEventListener('DOMContentLoaded', () => {
  wirePageLanguage();
  wireSession();
  wireViews();
  wireAlerts();
  wireConversationActions();
  wireCannedResponses();
  wireAdmin();
  start();
});
