// The language of the console's own words (not the people's messages): the counselor chooses one of the five the
// office serves in the header, also before logging in. strings-*.js fill consoleStrings, one file per language; t()
// reads them, and translatePage() puts them on what index.html marks with data-t (text) and data-t-placeholder,
// data-t-title, data-t-aria-label (attributes). Loaded after console.js, before the strings and every other script.
'use strict';

const consoleLanguages = ['sl', 'en', 'sq', 'hbs', 'ar'];
// Each language named in itself: a counselor finds theirs whatever the page shows now.
const consoleLanguageNames = { sl: 'slovenščina', en: 'English', sq: 'shqip', hbs: 'bosanski/hrvatski/srpski', ar: 'العربية' };
// Dates and times by Intl in the chosen language, on the 24-hour clock of the office. Latin digits also in Arabic
// (ar-u-nu-latn): the times beside a transcript match what the person and the office's other papers show. hbs as Bosnian: Latin script, month names
// shared with Serbian and read by Croatians.
const consoleLocales = { sl: 'sl-SI', en: 'en-GB', sq: 'sq', hbs: 'bs-Latn', ar: 'ar-u-nu-latn' };
// The lang attribute needs a registered tag: hbs is written as Bosnian, as the web chat's language picker does.
const htmlLang = (code) => (code === 'hbs' ? 'bs' : code);
const consoleStrings = {};
// The same key as the knowledge pages (Editing/Console): one choice for the counselor's pages in this browser.
const pageLanguageKey = 'ib-console-ui';

// What the browser asks for when the counselor chose nothing here: bs, hr, sr and sh are hbs; otherwise English.
function browserLanguage() {
  const code = (navigator.language || 'en').toLowerCase().split('-')[0];
  if (['bs', 'hr', 'sr', 'sh'].includes(code)) return 'hbs';
  return consoleLanguages.includes(code) ? code : 'en';
}

function chosenLanguage() {
  let stored = null;
  try { stored = localStorage.getItem(pageLanguageKey); } catch { /* storage off: the browser's language */ }
  return consoleLanguages.includes(stored) ? stored : browserLanguage();
}

let pageLanguage = chosenLanguage();

// A text in the page's language, {name} filled from values. A key with plural forms (key_other in English) takes the
// one values.n needs (key_one, key_few, ... by Intl.PluralRules), else key_other.
function t(key, values = {}) {
  const table = consoleStrings[pageLanguage] || {};
  let name = key;
  if (typeof values.n === 'number' && `${key}_other` in consoleStrings.en) {
    const form = `${key}_${new Intl.PluralRules(consoleLocales[pageLanguage]).select(values.n)}`;
    name = form in table ? form : `${key}_other`;
  }
  let text = table[name] ?? consoleStrings.en[name] ?? key;
  for (const [field, value] of Object.entries(values)) text = text.replaceAll(`{${field}}`, String(value));
  return text;
}

// A text as nodes, each {value} in a <bdi> (or the nodes given for it): a name written in Latin letters inside an Arabic
// line keeps its own direction and the words around it their order. Not for plural keys (the values become markers).
function tIsolated(key, values = {}) {
  const marked = t(key, Object.fromEntries(Object.keys(values).map((name) => [name, `\u0000${name}\u0000`])));
  return marked.split('\u0000').flatMap((part, i) => {
    if (i % 2 === 0) return part ? [document.createTextNode(part)] : [];
    const value = values[part];
    return Array.isArray(value) ? value : [el('bdi', String(value))];
  });
}

// A text the page draws that follows the counselor to another language (translatePage() finds it by data-t).
function setText(node, key) {
  node.dataset.t = key;
  node.textContent = t(key);
}

function formatDateTime(iso) {
  return new Intl.DateTimeFormat(consoleLocales[pageLanguage], { dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(new Date(iso));
}

// The API's yyyy-MM-dd with the month by name ("28 November 2026", "28. november 2026"), so no one takes 07.12 for
// 12 July; read as UTC midnight and shown in UTC, so the day never shifts with the browser's zone.
function formatDate(iso) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso || '')) return iso;
  return new Intl.DateTimeFormat(consoleLocales[pageLanguage], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`));
}

function translatePage() {
  const root = document.documentElement;
  root.lang = htmlLang(pageLanguage);
  root.dir = pageLanguage === 'ar' ? 'rtl' : 'ltr';
  document.querySelectorAll('[data-t]').forEach((node) => { node.textContent = t(node.dataset.t); });
  for (const attribute of ['placeholder', 'title', 'aria-label']) {
    document.querySelectorAll(`[data-t-${attribute}]`).forEach((node) => node.setAttribute(attribute, t(node.getAttribute(`data-t-${attribute}`))));
  }
  document.getElementById('ui-language').value = pageLanguage;
}

// Another language: the page's words change where they are; the open view is drawn again (the conversation stays
// open, the reply box keeps what is in it).
function choosePageLanguage(language) {
  pageLanguage = language;
  try { localStorage.setItem(pageLanguageKey, language); } catch { /* kept for this page only */ }
  translatePage();
  document.dispatchEvent(new CustomEvent('console:language'));
}

function wirePageLanguage() {
  const select = document.getElementById('ui-language');
  select.replaceChildren(...consoleLanguages.map((code) => {
    const option = new Option(consoleLanguageNames[code], code);
    option.lang = htmlLang(code);
    return option;
  }));
  select.addEventListener('change', () => choosePageLanguage(select.value));
  translatePage();
}
