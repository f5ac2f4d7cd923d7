'use strict';
// The local directory on the knowledge page: list, edit and publish an institution (PUT /api/knowledge/directory/{id}).
// Uses knowledge.js's helpers (el, t, $, say, showError, state, LANGUAGES) and api.js's api(); its strings are added to
// STRINGS here.

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
Object.assign(STRINGS.sq, {
  dirTitle: 'Lista e institucioneve', dirIntro: 'Institucionet që përmenden në përgjigje. Një ndryshim vlen menjëherë në çdo përgjigje që e përdor hyrjen; si fakte shfaqen vetëm hyrjet e konfirmuara.',
  dirName: 'Institucioni', dirConfirmed: 'E konfirmuar', dirAddress: 'Adresa', dirPhone: 'Telefoni', dirHours: 'Orari', dirEmail: 'E-mail',
  dirMap: 'Lidhja e hartës (https)', dirSource: 'Burimi (https)', dirNames: 'Emrat', dirDetails: 'Të dhënat',
  dirConfirmedLong: 'E konfirmuar: çdo fushë e plotësuar u kontrollua me burimin', dirSave: 'Ruaj dhe publiko', dirCancel: 'Anulo',
  dirYes: 'po', dirNo: 'jo', dirEditTitle: 'Redakto {name}', dirSaved: '{name} u ruajt si versioni {version}; vlen që tani.',
});
Object.assign(STRINGS.hbs, {
  dirTitle: 'Imenik ustanova', dirIntro: 'Ustanove na koje se odgovori pozivaju. Izmjena odmah važi u svakom odgovoru koji koristi unos; kao činjenice prikazuju se samo potvrđeni unosi.',
  dirName: 'Ustanova', dirConfirmed: 'Potvrđeno', dirAddress: 'Adresa', dirPhone: 'Telefon', dirHours: 'Radno vrijeme', dirEmail: 'E-mail',
  dirMap: 'Link na mapu (https)', dirSource: 'Izvor (https)', dirNames: 'Nazivi', dirDetails: 'Podaci',
  dirConfirmedLong: 'Potvrđeno: svaki popunjeni podatak provjeren je u izvoru', dirSave: 'Sačuvaj i objavi', dirCancel: 'Otkaži',
  dirYes: 'da', dirNo: 'ne', dirEditTitle: 'Uređivanje: {name}', dirSaved: '{name}: sačuvano kao verzija {version}, već važi.',
});
Object.assign(STRINGS.ar, {
  dirTitle: 'دليل المؤسسات المحلية', dirIntro: 'المؤسسات التي تشير إليها الإجابات. يسري التغيير فورًا في كل إجابة تستخدم هذا الإدخال؛ ولا تُعرض كحقائق إلا الإدخالات المؤكَّدة.',
  dirName: 'المؤسسة', dirConfirmed: 'مؤكَّد', dirAddress: 'العنوان', dirPhone: 'الهاتف', dirHours: 'ساعات العمل', dirEmail: 'البريد الإلكتروني',
  dirMap: 'رابط الخريطة (https)', dirSource: 'المصدر (https)', dirNames: 'الأسماء', dirDetails: 'البيانات',
  dirConfirmedLong: 'مؤكَّد: رُوجع كل حقل مملوء مقابل المصدر', dirSave: 'حفظ ونشر', dirCancel: 'إلغاء',
  dirYes: 'نعم', dirNo: 'لا', dirEditTitle: 'تحرير {name}', dirSaved: 'حُفظ {name} بوصفه الإصدار {version}؛ وهو سارٍ الآن.',
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
    input.lang = languageTag(l);
    input.dir = direction(l);
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
