// Knowledge-base pages of the counselor console: plain browser JavaScript, no dependencies.
// All text goes through textContent, never innerHTML, so content can never become markup.
'use strict';

const LANGUAGES = ['sl', 'en', 'sq', 'hbs', 'ar'];
const LANGUAGE_NAMES = { sl: 'slovenščina', en: 'English', sq: 'shqip', hbs: 'bosanski/hrvatski/srpski', ar: 'العربية' };

const state = { ui: 'en', me: null, topic: null, versions: [] };
const $ = (id) => document.getElementById(id);

// The lang attribute of a language needs a registered tag: hbs as Bosnian (Latin script), as the web chat and the
// counselor console write it (the preview asks for Cyrillic on its own).
const languageTag = (language) => (language === 'hbs' ? 'bs' : language);
// Dates as the counselor console shows them: hbs in Bosnian Latin, Latin digits also in Arabic.
const dateLocale = (language) => ({ hbs: 'bs-Latn', ar: 'ar-u-nu-latn' })[language] || language;
// Arabic reads right-to-left wherever it is: the page in Arabic, and Arabic content on a page in any language.
const direction = (language) => (language === 'ar' ? 'rtl' : 'ltr');

// The page's language: the one chosen here before (this browser), else the browser's own when it is one of the five
// (Bosnian, Croatian, Serbian and Serbo-Croatian are hbs), else English.
function initialUiLanguage() {
  const chosen = localStorage.getItem('ib-console-ui');
  if (LANGUAGES.includes(chosen)) return chosen;
  const primary = (navigator.language || '').toLowerCase().split(/[-_]/)[0];
  if (['bs', 'hr', 'sr', 'sh', 'hbs'].includes(primary)) return 'hbs';
  return LANGUAGES.includes(primary) ? primary : 'en';
}

// On a right-to-left page each value is isolated (U+2068 … U+2069): a reviewer "issue-16 review" or a version number
// inside Arabic text otherwise had its pieces reordered around the Arabic words.
function t(key, values) {
  let text = (STRINGS[state.ui] && STRINGS[state.ui][key]) || STRINGS.en[key] || key;
  const isolate = direction(state.ui) === 'rtl' ? (value) => `\u2068${value}\u2069` : (value) => String(value);
  for (const [name, value] of Object.entries(values || {})) text = text.replace(`{${name}}`, isolate(value));
  return text;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

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

function showError(error) {
  $('error').textContent = error ? String(error.message || error) : '';
  $('error').hidden = !error;
}

function say(text) { $('status').textContent = text; }

function show(view) {
  for (const id of ['signin-view', 'browse-view', 'edit-view']) $(id).hidden = id !== view;
  $('backlog-view').hidden = view !== 'browse-view';
  $('directory-view').hidden = view !== 'browse-view';
}

function translatePage() {
  document.documentElement.lang = languageTag(state.ui);
  document.documentElement.dir = direction(state.ui);
  document.title = `IntegrationBot – ${t('title')}`;
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  $('ui-language').value = state.ui;
}

// Words of the page inside content of another language (a language's column in the editor): marked with the page's
// language and direction, so an Arabic label reads right-to-left in a Slovenian column and is read out in Arabic.
function uiText(tag, text, className) {
  const node = el(tag, text, className);
  node.lang = languageTag(state.ui);
  node.dir = direction(state.ui);
  return node;
}

function statusBadge(status) { return uiText('span', t(`status_${status}`), `badge ${status}`); }

async function start() {
  state.ui = initialUiLanguage();
  translatePage();
  $('ui-language').addEventListener('change', async () => {
    state.ui = $('ui-language').value;
    localStorage.setItem('ib-console-ui', state.ui);
    translatePage();
    if (!$('browse-view').hidden) await browse();
    if (!$('edit-view').hidden) await openTopic(state.topic.id, false);
  });
  $('back').addEventListener('click', () => browse().catch(showError));
  $('publish').addEventListener('click', () => publish());
  $('preview-show').addEventListener('click', () => preview());
  for (const l of LANGUAGES) $('preview-language').append(new Option(LANGUAGE_NAMES[l], l));
  try {
    state.me = await api('GET', '/api/auth/me');
  } catch {
    show('signin-view');
    return;
  }
  if (!state.me.isEditor) {
    show('signin-view');
    showError(t('notEditor'));
    return;
  }
  const requested = new URLSearchParams(location.search).get('topic');
  if (requested) await openTopic(requested, true); else await browse();
}

async function browse() {
  showError(null);
  const topics = await api('GET', '/api/knowledge/topics');
  const head = $('browse-head');
  head.replaceChildren();
  const row = el('tr');
  row.append(el('th', t('topic')), el('th', t('category')), el('th', t('usage')));
  for (const l of LANGUAGES) { const th = el('th', l); th.lang = 'en'; row.append(th); }
  const actions = el('th');
  actions.append(el('span', t('actions'), 'visually-hidden'));
  row.append(actions);
  head.append(row);
  const body = $('browse-body');
  body.replaceChildren();
  for (const topic of topics) {
    const tr = el('tr');
    tr.dataset.topic = topic.id;
    tr.append(topicIdCell(topic), el('td', topic.category), usageCell(topic));
    for (const l of LANGUAGES) {
      const td = el('td');
      td.dataset.language = l;
      const info = topic.languages[l];
      if (info) {
        td.append(statusBadge(info.status));
        if (info.stale) td.append(' ', el('span', t('stale'), 'badge stale'));
        td.append(el('div', reviewedText(info), 'small'));
      }
      tr.append(td);
    }
    const cell = el('td');
    const button = el('button', t('edit'));
    button.type = 'button';
    button.setAttribute('aria-label', `${t('edit')} ${topic.id}`);
    button.addEventListener('click', () => openTopic(topic.id, true).catch(showError));
    cell.append(button);
    tr.append(cell);
    body.append(tr);
  }
  state.topicIds = topics.map((x) => x.id);
  show('browse-view');
  await loadBacklog();
  await loadDirectory();
}

// Questions answered with the topic and 👍/👎 over the last 30 days; the emoji line is read out in words.
function usageCell(topic) {
  const td = el('td');
  td.dataset.usage = '';
  td.append(el('div', t('usageAsked', { n: topic.asked ?? 0 })));
  const votes = (topic.helpful ?? 0) + (topic.notHelpful ?? 0);
  if (votes > 0) {
    const feedback = el('div', null, 'small');
    const shown = el('span', `👍 ${topic.helpful} · 👎 ${topic.notHelpful} (${t('usageRate', { rate: Math.round((100 * topic.helpful) / votes) })})`);
    shown.setAttribute('aria-hidden', 'true');
    feedback.append(shown, el('span', t('usageFeedback', { helpful: topic.helpful, notHelpful: topic.notHelpful }), 'visually-hidden'));
    td.append(feedback);
  }
  return td;
}

async function loadBacklog() {
  const groups = await api('GET', '/api/knowledge/backlog');
  const body = $('backlog-body');
  body.replaceChildren();
  if (groups.length === 0) {
    const tr = el('tr');
    const td = el('td', t('backlogEmpty'));
    td.colSpan = 5;
    tr.append(td);
    body.append(tr);
  }
  for (const group of groups) {
    const tr = el('tr');
    tr.dataset.key = group.key;
    const questions = el('td');
    questions.lang = group.language === 'hbs' ? 'sr' : group.language;
    questions.dir = group.language === 'ar' ? 'rtl' : 'auto';
    const list = el('ul');
    for (const q of group.questions.slice(0, 5)) list.append(el('li', q));
    questions.append(list);
    const topicCell = el('td');
    const select = el('select');
    select.className = 'backlog-topic';
    select.setAttribute('aria-label', `${t('topic')}: ${group.questions[0]}`);
    for (const id of state.topicIds) select.append(new Option(id, id, false, id === group.topic));
    topicCell.append(select);
    const actions = el('td');
    const add = el('button', t('addSample'));
    add.type = 'button';
    add.className = 'add-sample';
    add.disabled = !state.me.languages.includes(group.language);
    add.addEventListener('click', () => backlogAction(group, 'sample', { topic: select.value }));
    const draft = el('button', t('newTopic'));
    draft.type = 'button';
    draft.disabled = add.disabled;
    draft.addEventListener('click', () => {
      const id = window.prompt(t('newTopicId'));
      if (!id) return;
      const category = window.prompt(t('newTopicCategory'), 'documents');
      if (category) backlogAction(group, 'draft', { id, category });
    });
    const dismiss = el('button', t('dismiss'));
    dismiss.type = 'button';
    dismiss.addEventListener('click', () => backlogAction(group, 'dismiss'));
    actions.append(add, ' ', draft, ' ', dismiss);
    tr.append(el('td', group.language), questions, el('td', String(group.count)), topicCell, actions);
    body.append(tr);
  }
}

async function backlogAction(group, action, body) {
  showError(null);
  try {
    const result = await api('POST', `/api/knowledge/backlog/${encodeURIComponent(group.key)}/${action}`, body);
    let message = t('dismissed');
    if (action === 'sample') message = result.published ? t('sampleAdded', { topic: result.topic, found: result.ask.topic || '–' }) : t('sampleDraft', { topic: result.topic });
    else if (action === 'draft') message = t('draftCreated', { topic: result.id });
    await browse();
    say(message);
  } catch (error) {
    showError(error);
  }
}

function reviewedText(info) {
  if (!info.reviewed) return t('notReviewed');
  return info.reviewer ? t('reviewedBy', { date: info.reviewed, who: info.reviewer }) : t('reviewedOn', { date: info.reviewed });
}

async function openTopic(id, focus) {
  showError(null);
  state.topic = await api('GET', `/api/knowledge/topics/${encodeURIComponent(id)}`);
  renderTopic();
  // The topic opens even when its history does not load: the editor can still work, and is told what is missing.
  let history = null;
  try {
    await loadVersions();
  } catch (error) {
    state.versions = [];
    $('versions').replaceChildren();
    history = error;
  }
  show('edit-view');
  if (history) showError(`${t('versionsUnavailable')} (${history.message || history})`);
  if (focus) $('edit-title').focus();
}

function renderTopic() {
  const topic = state.topic;
  $('edit-title').textContent = topic.id;
  $('edit-title').tabIndex = -1;
  $('edit-category').textContent = topic.category;
  $('edit-version').textContent = String(topic.version);
  const sources = $('sources');
  sources.replaceChildren();
  for (const url of topic.sources) {
    const li = el('li');
    const a = el('a', url);
    a.href = url;
    a.dir = 'ltr';
    a.rel = 'noreferrer noopener';
    a.target = '_blank';
    li.append(a);
    sources.append(li);
  }
  const grid = $('languages');
  grid.replaceChildren();
  for (const l of LANGUAGES) grid.append(languageEditor(l, topic.languages[l] || { title: '', answer: '', details: '', questions: [], keywords: [], status: 'draft' }));
  renderLifecycle(topic);
}

function field(label, control) {
  const wrapper = el('label');
  wrapper.append(uiText('span', label), control);
  return wrapper;
}

function languageEditor(language, content) {
  const mayEdit = state.me.languages.includes(language);
  const set = el('fieldset');
  set.dataset.language = language;
  // The column and its fields keep the content's own direction whatever the page's language: an Arabic answer is
  // written right-to-left on an English page, a Slovenian one left-to-right on an Arabic page.
  set.lang = languageTag(language);
  set.dir = direction(language);
  const legend = el('legend', `${LANGUAGE_NAMES[language]} (${language}) `);
  legend.append(statusBadge(content.status));
  const reviewed = el('div', null, 'small');
  reviewed.append(uiText('span', reviewedText(content)));
  set.append(legend, reviewed);
  const title = el('input');
  title.name = 'title';
  title.value = content.title || '';
  const answer = el('textarea', null, 'answer');
  answer.name = 'answer';
  answer.value = content.answer || '';
  const details = el('textarea', null, 'list');
  details.name = 'details';
  details.value = content.details || '';
  const questions = el('textarea', null, 'list');
  questions.name = 'questions';
  questions.value = (content.questions || []).join('\n');
  const keywords = el('textarea', null, 'list');
  keywords.name = 'keywords';
  keywords.value = (content.keywords || []).join('\n');
  for (const control of [title, answer, details, questions, keywords]) {
    control.readOnly = !mayEdit;
    control.lang = set.lang;
    control.dir = set.dir;
  }
  set.append(
    field(t('fieldTitle'), title), field(t('fieldAnswer'), answer), field(t('fieldDetails'), details),
    field(t('fieldQuestions'), questions), field(t('fieldKeywords'), keywords));
  const problems = el('ul', null, 'problems');
  // The live region wraps the list: role=alert on the <ul> itself would take away its list semantics (axe: listitem).
  const alert = el('div');
  alert.setAttribute('role', 'alert');
  alert.append(problems);
  set.append(alert);
  if (mayEdit) {
    const save = uiText('button', t('save', { language }));
    save.type = 'button';
    save.className = 'save';
    save.addEventListener('click', () => saveLanguage(language, set));
    set.append(save);
  } else {
    const note = el('p', null, 'small');
    note.append(uiText('span', t('readOnly')));
    set.append(note);
  }
  return set;
}

const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);

async function saveLanguage(language, set) {
  showError(null);
  const value = (name) => set.querySelector(`[name="${name}"]`).value;
  const problems = set.querySelector('.problems');
  problems.replaceChildren();
  const body = { title: value('title'), answer: value('answer'), details: value('details'), questions: lines(value('questions')), keywords: lines(value('keywords')) };
  try {
    const saved = await api('PUT', `/api/knowledge/topics/${encodeURIComponent(state.topic.id)}/languages/${language}`, body);
    state.topic = saved;
    renderTopic();
    await loadVersions();
    say(t('saved', { language, version: saved.version }));
  } catch (error) {
    if (error.status === 400 && error.problems.length > 0) {
      for (const p of error.problems) problems.append(el('li', p));
    } else {
      showError(error);
    }
  }
}

async function publish() {
  showError(null);
  try {
    const published = await api('POST', `/api/knowledge/topics/${encodeURIComponent(state.topic.id)}/publish`);
    state.topic = published;
    renderTopic();
    await loadVersions();
    say(t('publishedDone', { version: published.version }));
  } catch (error) {
    showError(error.problems && error.problems.length ? `${error.message}\n${error.problems.join('\n')}` : error);
  }
}

async function loadVersions() {
  state.versions = await api('GET', `/api/knowledge/topics/${encodeURIComponent(state.topic.id)}/versions`);
  const body = $('versions');
  body.replaceChildren();
  for (const v of [...state.versions].reverse()) {
    const tr = el('tr');
    tr.dataset.version = String(v.version);
    tr.append(el('td', String(v.version)), el('td', v.author), el('td', new Date(v.at).toLocaleString(dateLocale(state.ui))),
      el('td', t(v.change === 'create' && v.author !== 'shipped' ? 'change_new' : `change_${v.change}`)), el('td', v.language || ''), el('td', v.published ? t('yes') : ''));
    const cell = el('td');
    if (v.version > 1) {
      const diff = el('button', t('showChanges'));
      diff.type = 'button';
      diff.className = 'show-diff';
      diff.setAttribute('aria-label', `${t('showChanges')} ${v.version}`);
      diff.addEventListener('click', () => showDiff(v.version));
      cell.append(diff, ' ');
    }
    const revert = el('button', t('revert'));
    revert.type = 'button';
    revert.className = 'revert';
    revert.setAttribute('aria-label', `${t('revert')} ${v.version}`);
    revert.addEventListener('click', () => revertTo(v.version));
    cell.append(revert);
    tr.append(cell);
    body.append(tr);
  }
}

async function revertTo(version) {
  if (!window.confirm(t('confirmRevert', { version }))) return;
  showError(null);
  try {
    state.topic = await api('POST', `/api/knowledge/topics/${encodeURIComponent(state.topic.id)}/revert`, { version });
    renderTopic();
    await loadVersions();
    say(t('reverted', { version }));
  } catch (error) {
    showError(error);
  }
}

// Line diff by longest common subsequence: texts are a few dozen lines, so the quadratic table is small.
function diffLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const table = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { out.push(['same', a[i]]); i++; j++; } else if (table[i + 1][j] >= table[i][j + 1]) { out.push(['del', a[i++]]); } else { out.push(['ins', b[j++]]); }
  }
  while (i < a.length) out.push(['del', a[i++]]);
  while (j < b.length) out.push(['ins', b[j++]]);
  return out;
}

function fieldText(content, name) {
  if (!content) return '';
  const value = content[name];
  return Array.isArray(value) ? value.join('\n') : (value || '');
}

async function showDiff(version) {
  const id = encodeURIComponent(state.topic.id);
  const [after, before] = await Promise.all([
    api('GET', `/api/knowledge/topics/${id}/versions/${version}`),
    api('GET', `/api/knowledge/topics/${id}/versions/${version - 1}`),
  ]);
  const box = $('diff');
  box.replaceChildren(el('h4', t('diffTitle', { version, previous: version - 1 })));
  let changed = false;
  for (const l of LANGUAGES) {
    for (const [name, label] of [['title', 'fieldTitle'], ['answer', 'fieldAnswer'], ['details', 'fieldDetails'], ['questions', 'fieldQuestions'], ['keywords', 'fieldKeywords']]) {
      const old = fieldText(before.languages[l], name);
      const now = fieldText(after.languages[l], name);
      if (old === now) continue;
      changed = true;
      const block = el('div');
      block.lang = languageTag(l);
      block.dir = direction(l);
      block.append(uiText('h5', `${LANGUAGE_NAMES[l]} – ${t(label)}`));
      for (const [kind, line] of diffLines(old, now).filter(([k], index, all) => k !== 'same' || all.length < 12)) {
        block.append(el(kind === 'same' ? 'span' : kind, `${kind === 'ins' ? '+ ' : kind === 'del' ? '− ' : '  '}${line}`, kind === 'same' ? 'same' : ''));
      }
      box.append(block);
    }
  }
  if (settingsDiff(before, after, box)) changed = true;
  if (!changed) box.append(el('p', t('noChanges')));
}

function decodeEntities(text) {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

// Telegram's HTML subset from the server has only <b>; everything else is escaped text.
// Telegram's HTML as Telegram shows it: bold and links (the "Source:" addresses); only https/http links become anchors.
function renderTelegram(html, bubble) {
  let bold = false;
  let link = null;
  for (const piece of html.split(/(<b>|<\/b>|<a href="[^"]*">|<\/a>)/)) {
    if (piece === '<b>') { bold = true; continue; }
    if (piece === '</b>') { bold = false; continue; }
    const opened = /^<a href="([^"]*)">$/.exec(piece);
    if (opened) {
      const href = decodeEntities(opened[1]);
      link = /^https?:\/\//.test(href) ? el('a') : null;
      if (link) { link.href = href; link.rel = 'noreferrer noopener'; link.target = '_blank'; bubble.append(link); }
      continue;
    }
    if (piece === '</a>') { link = null; continue; }
    const text = decodeEntities(piece);
    (link ?? bubble).append(bold ? el('b', text) : document.createTextNode(text));
  }
}

// Web chat renders Markdown: bold and links are what answers use. An address ends before the direction marks that
// isolate it in Arabic text (U+200E, U+200F, U+2066–U+2069), as in the chat.
function renderMarkdown(text, bubble) {
  for (const piece of text.split(/(\*\*[^*]+\*\*|\[[^\]]+\]\(https?:[^)\s]+\)|https?:\/\/[^\s)\u200e\u200f\u2066-\u2069]+)/)) {
    const bold = /^\*\*([^*]+)\*\*$/.exec(piece);
    const link = /^\[([^\]]+)\]\((https?:[^)\s]+)\)$/.exec(piece);
    if (bold) bubble.append(el('b', bold[1]));
    else if (link || /^https?:\/\//.test(piece)) {
      const a = el('a', link ? link[1] : piece);
      a.href = link ? link[2] : piece;
      a.rel = 'noreferrer noopener';
      a.target = '_blank';
      bubble.append(a);
    } else bubble.append(document.createTextNode(piece));
  }
}

async function preview() {
  showError(null);
  const language = $('preview-language').value;
  const channel = $('preview-channel').value;
  const cyrillic = $('preview-cyrillic').checked;
  try {
    const result = await api('GET', `/api/knowledge/topics/${encodeURIComponent(state.topic.id)}/preview?lang=${language}&channel=${channel}&cyrillic=${cyrillic}`);
    const box = $('preview');
    box.replaceChildren();
    result.parts.forEach((part, index) => {
      const bubble = el('div', null, 'bubble');
      bubble.dir = result.direction;
      bubble.lang = language === 'hbs' ? (cyrillic ? 'sr-Cyrl' : 'sr-Latn') : language;
      bubble.setAttribute('aria-label', t('previewPart', { n: index + 1 }));
      bubble.setAttribute('role', 'group');
      if (channel === 'telegram') renderTelegram(part, bubble);
      else if (channel === 'webchat') renderMarkdown(part, bubble);
      else bubble.textContent = part;
      box.append(bubble);
    });
  } catch (error) {
    showError(error);
  }
}

// directory.js and topics.js are deferred after this file; a slow download of either must not let the first API answer
// draw the page before the functions it calls exist. DOMContentLoaded fires once every deferred script has run.
document.addEventListener('DOMContentLoaded', () => start().catch(showError));
