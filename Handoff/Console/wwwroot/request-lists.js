// The lists of requests: the queue (waiting, with Take), the active and the closed conversations; a row opens its
// conversation.
'use strict';

function priorityBadge(priority) {
  return el('span', codeText('priority', priority), `badge ${priority}`);
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
  $('queue-empty').textContent = others <= 0 ? t('queueEmpty') : t('queueElsewhere', { n: others });
  for (const r of rows) {
    const tr = el('tr');
    const priority = el('td');
    priority.append(priorityBadge(r.priority));
    const language = el('td', r.routingLanguage);
    if (r.needsLanguage) language.append(' ', el('span', t('needsLanguage', { language: r.needsLanguage }), 'badge needs'));
    const preview = el('td', r.preview || '');
    preview.dir = lineDirection(r.preview || '', r.direction);
    const take = el('button', t('take'));
    // A screen reader reads the button alone ("Take, button" on every row): its name says whose request it takes.
    take.setAttribute('aria-label', t('takeLabel', { language: r.routingLanguage, channel: r.channelId, topic: r.topic || t('noTopic'), reason: reasonText(r.reason) }));
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
