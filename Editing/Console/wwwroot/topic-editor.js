// One topic in the editor: its five languages side by side, each saved as a draft version by an editor of that
// language, and Publish. Its versions are versions.js's, its category, sources, flags and retirement topics.js's.
'use strict';

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

// Back to the list and Publish; each language's Save is wired as its column is drawn.
function wireTopicEditor() {
  $('back').addEventListener('click', () => browse().catch(showError));
  $('publish').addEventListener('click', () => publish());
}
