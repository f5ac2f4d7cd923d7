// The question backlog on the knowledge page (GET /api/knowledge/backlog): questions the bot could not answer and
// answers marked 👎, each group turned into a sample question of a topic, a new draft topic, or dismissed.
'use strict';

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
