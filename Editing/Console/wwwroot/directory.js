'use strict';
// The local directory on the knowledge page: list, edit and publish an institution (PUT /api/knowledge/directory/{id}).
// Uses knowledge.js's helpers (api, el, t, $, state, LANGUAGES); its strings are added to STRINGS here.

Object.assign(STRINGS.en, {
  dirTitle: 'Local directory', dirIntro: 'Institutions the answers refer to. A change is live at once in every answer that uses the entry; only confirmed entries are shown as facts.',
  dirName: 'Institution', dirConfirmed: 'Confirmed', dirAddress: 'Address', dirPhone: 'Phone', dirHours: 'Opening hours', dirEmail: 'E-mail',
  dirMap: 'Map link (https)', dirSource: 'Source (https)', dirNames: 'Names', dirDetails: 'Details',
  dirConfirmedLong: 'Confirmed: every filled field was checked against the source', dirSave: 'Save and publish', dirCancel: 'Cancel',
  dirYes: 'yes', dirNo: 'no', dirEditTitle: 'Edit {name}', dirSaved: '{name} saved as version {version}; it is live now.',
});
Object.assign(STRINGS.sl, {
  dirTitle: 'Imenik ustanov', dirIntro: 'Ustanove, na katere se sklicujejo odgovori. Sprememba takoj velja v vseh odgovorih, ki uporabljajo vnos; kot dejstvo so prikazani le potrjeni vnosi.',
  dirName: 'Ustanova', dirConfirmed: 'Potrjeno', dirAddress: 'Naslov', dirPhone: 'Telefon', dirHours: 'Uradne ure', dirEmail: 'E-pošta',
  dirMap: 'Povezava do zemljevida (https)', dirSource: 'Vir (https)', dirNames: 'Imena', dirDetails: 'Podatki',
  dirConfirmedLong: 'Potrjeno: vsak izpolnjen podatek je preverjen v viru', dirSave: 'Shrani in objavi', dirCancel: 'Prekliči',
  dirYes: 'da', dirNo: 'ne', dirEditTitle: 'Urejanje: {name}', dirSaved: '{name} je shranjen kot različica {version} in že velja.',
});

// knowledge.js translated the page before these strings existed.
translatePage();

const directoryFields = ['address', 'hours', 'phone', 'email', 'map', 'source'];

function directoryName(entry) {
  return entry.names[state.ui] || entry.names.en || entry.names.sl || entry.id;
}

async function loadDirectory() {
  const entries = await api('GET', '/api/knowledge/directory');
  const body = $('directory-body');
  body.replaceChildren();
  for (const entry of entries) {
    const tr = el('tr');
    tr.dataset.entry = entry.id;
    const edit = el('button', t('edit'));
    edit.type = 'button';
    edit.setAttribute('aria-label', `${t('edit')} ${directoryName(entry)}`);
    edit.addEventListener('click', () => openDirectoryEntry(entry));
    const cell = el('td');
    cell.append(edit);
    tr.append(el('td', directoryName(entry)), el('td', entry.confirmed ? t('dirYes') : t('dirNo')), el('td', entry.address),
      el('td', entry.phone), el('td', String(entry.version)), cell);
    body.append(tr);
  }
}

function openDirectoryEntry(entry) {
  state.directoryEntry = entry;
  $('directory-form-title').textContent = t('dirEditTitle', { name: directoryName(entry) });
  const names = $('directory-names');
  names.replaceChildren();
  for (const l of LANGUAGES) {
    const label = el('label');
    const input = el('input');
    input.id = `dir-name-${l}`;
    input.value = entry.names[l] || '';
    input.lang = l === 'hbs' ? 'sr' : l;
    input.dir = l === 'ar' ? 'rtl' : 'auto';
    // Names are per language: an editor changes only the languages they are registered for (the API refuses others).
    input.disabled = !state.me.languages.includes(l);
    label.append(el('span', LANGUAGE_NAMES[l]), ' ', input);
    names.append(label);
  }
  $('dir-confirmed').checked = entry.confirmed;
  for (const field of directoryFields) $(`dir-${field}`).value = entry[field] || '';
  $('directory-problems').replaceChildren();
  $('directory-form').hidden = false;
  $('dir-phone').focus();
}

async function saveDirectoryEntry(event) {
  event.preventDefault();
  const entry = state.directoryEntry;
  const body = { confirmed: $('dir-confirmed').checked, names: {} };
  for (const l of LANGUAGES) body.names[l] = $(`dir-name-${l}`).value;
  for (const field of directoryFields) body[field] = $(`dir-${field}`).value;
  showError(null);
  $('directory-problems').replaceChildren();
  try {
    const saved = await api('PUT', `/api/knowledge/directory/${encodeURIComponent(entry.id)}`, body);
    $('directory-form').hidden = true;
    await loadDirectory();
    say(t('dirSaved', { name: directoryName(saved), version: saved.version }));
  } catch (error) {
    for (const problem of error.problems || []) $('directory-problems').append(el('li', problem));
    showError(error);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('directory-form').addEventListener('submit', saveDirectoryEntry);
  $('directory-cancel').addEventListener('click', () => { $('directory-form').hidden = true; });
});
