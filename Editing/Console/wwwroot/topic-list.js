// The topic list of the knowledge page (GET /api/knowledge/topics): each topic's status per language, its use over the
// last 30 days and its Edit button. Drawing it also draws the backlog (backlog.js) and the directory (directory.js)
// below it; the id cell comes from topics.js.
'use strict';

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
