// Knowledge-base pages of the counselor console: plain browser JavaScript, no dependencies.
// All text goes through textContent, never innerHTML, so content can never become markup.
// This file holds what every other script of the page uses (its state, $(), el(), t(), the error and status lines, the
// page's language, which view is shown) and the start. knowledge.html loads it after knowledge-strings.js and before
// the others, one concept each: api.js, topic-list.js, backlog.js, topic-editor.js, versions.js, preview.js,
// directory.js, topics.js.
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

function reviewedText(info) {
  if (!info.reviewed) return t('notReviewed');
  return info.reviewer ? t('reviewedBy', { date: info.reviewed, who: info.reviewer }) : t('reviewedOn', { date: info.reviewed });
}

// The page's own language, chosen in its header: the list or the topic on the screen is drawn again in it.
function wireLanguage() {
  $('ui-language').addEventListener('change', async () => {
    state.ui = $('ui-language').value;
    localStorage.setItem('ib-console-ui', state.ui);
    translatePage();
    if (!$('browse-view').hidden) await browse();
    if (!$('edit-view').hidden) await openTopic(state.topic.id, false);
  });
}

async function start() {
  state.ui = initialUiLanguage();
  translatePage();
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

// Every script is deferred, so all of them have run before this: a slow download of one of them must not let the first
// API answer draw the page before the functions it calls exist. DOMContentLoaded fires once every deferred script has run.
document.addEventListener('DOMContentLoaded', () => {
  wireLanguage();
  wireTopicEditor();
  wirePreview();
  start().catch(showError);
});
