// The open conversation: opening it (with its draft), drawing its transcript, notes and controls, and leaving it when
// it no longer exists. Announces each drawing as console:conversation for plans.js and new-lines.js.
'use strict';

function openConversation(id, push = true) {
  state.conversation = id;
  state.focusNext = 'reply';
  // The reply box holds the draft of one conversation: words typed for one person never show in another's. It is this
  // conversation's from now, before the conversation is drawn: after Take the view is open and a counselor types at
  // once, and those words are this conversation's draft (the drawing used to replace them with the saved one).
  if (state.replyFor !== id) {
    $('reply-text').value = replyDrafts.get(id);
    state.replyFor = id;
  }
  // Seen now: the title stops calling for it ("(→1)" stayed until the next live update).
  const transferred = state.handedToMe.delete(id);
  const urgent = state.urgentHeld.delete(id);
  show('conversation', push);
  if (transferred || urgent) updateWaitingCount();
}

// The conversation is gone (the person sent /delete, or an admin erased their data): what they erased leaves the
// screen, and the counselor is told why instead of a bare "Not Found" beside the old transcript.
function conversationGone() {
  $('transcript').replaceChildren();
  // The lists drawn before hold the person's last words (the preview) until they are drawn again, a round trip later.
  document.querySelectorAll(`tr[data-request="${CSS.escape(state.conversation || '')}"]`).forEach((row) => row.remove());
  $('reply-text').value = '';
  replyDrafts.delete(state.conversation);
  state.replyFor = null;
  state.conversation = null;
  show('queue', false); // Back would only open the erased conversation again
  showError(consoleError('conversationGone'));
}

// Each drawing of the conversation is numbered: one started by the live stream just before a Take can be answered
// after it, and drawing that older state would show the request as waiting again and use up the focus meant for the
// reply box. Only the latest started drawing draws.
let conversationDrawings = 0;

async function renderConversation() {
  const drawing = ++conversationDrawings;
  let r;
  try {
    r = await api('GET', `/api/handoffs/${state.conversation}`);
  } catch (error) {
    if (drawing !== conversationDrawings) return;
    if (error.status === 404) { conversationGone(); return; }
    throw error;
  }
  if (state.canned.length === 0) state.canned = await api('GET', '/api/canned-responses');
  if (drawing !== conversationDrawings) return;
  $('conv-title').textContent = `${r.channelId} · ${r.routingLanguage} · ${r.topic || t('noTopic')} · ${reasonText(r.reason)}`;
  const status = codeText('status', r.status);
  $('conv-status').textContent = r.assignedCounselor ? `${status} – ${r.assignedCounselor}` : status;
  const mine = r.status === 'active' && r.assignedCounselor && r.assignedCounselor.toLowerCase() === state.me.name.toLowerCase();
  $('take').disabled = r.status !== 'waiting';
  for (const id of ['release', 'send', 'reply-text', 'canned-pick']) $(id).disabled = !mine;
  document.querySelectorAll('#transfer-form button, #close-form button').forEach((b) => { b.disabled = !mine; });
  $('reply-text').dir = r.direction;
  // Blocked the bot / left the channel: say so where the counselor writes, since nothing will reach the person.
  const gone = $('conv-unreachable');
  gone.hidden = !r.unreachable;
  // The person wrote again after a reply was refused: the "not sent" notice would still say they cannot be reached.
  if (!r.unreachable && state.refusedFor === r.id) {
    state.refusedFor = null;
    showError(consoleError('reachableAgain'));
  }
  gone.textContent = !r.unreachable ? ''
    : t(r.unreachable === 'blocked' ? 'unreachableBlocked' : 'unreachableLeft');

  const list = $('transcript');
  // A counselor reading back (how the request began, an address the person gave) stays there when the conversation is
  // drawn again for the person's next line, a delivery status or a colleague's note; the newest line is shown when the
  // conversation is opened, after their own action, and to whoever was already at the end.
  const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 16;
  const keepAt = state.focusNext || atEnd || list.dataset.conversation !== r.id ? null : list.scrollTop;
  list.dataset.conversation = r.id;
  list.replaceChildren();
  for (const entry of r.transcript) {
    const item = el('li', null, `bubble ${entry.author}`);
    if (entry.author !== 'system') item.dir = lineDirection(entry.text, r.direction);
    const who = entry.author === 'counselor' ? entry.counselorName : codeText('author', entry.author);
    const meta = el('span', `${who || entry.author} · ${formatDateTime(entry.at)}`, 'meta');
    // Who and when are the page's words: they read in the page's direction whatever the line's own.
    meta.dir = document.documentElement.dir;
    const body = el('span', entry.author === 'system' ? null : entry.text);
    if (entry.author === 'system') body.append(...systemLine(entry));
    item.append(meta, body);
    if (entry.delivery) {
      const status = el('span', deliveryText(entry.delivery), `delivery ${entry.delivery.state}`);
      status.dir = document.documentElement.dir;
      item.append(status);
    }
    list.append(item);
  }
  list.scrollTop = keepAt ?? list.scrollHeight;
  // The stream carries each delivery change; while a message is still pending, also look again now and then, so a
  // change published while the stream was reconnecting is not missed.
  clearTimeout(state.deliveryTimer);
  if (r.transcript.some((e) => e.delivery && e.delivery.state === 'pending')) {
    const id = r.id;
    state.deliveryTimer = setTimeout(() => { if (state.view === 'conversation' && state.conversation === id) refresh(); }, 5000);
  }

  const notes = $('notes');
  notes.replaceChildren();
  // The note's own direction, apart from the counselor's name: an Arabic note read as left-to-right after "Maja:"
  // put its words around a Latin name out of order.
  for (const note of r.notes) {
    const text = el('span', note.text);
    text.dir = directionOf(note.text);
    const li = el('li', `${note.counselor}: `);
    li.append(text);
    notes.append(li);
  }

  const pick = $('canned-pick');
  pick.replaceChildren(el('option', t('cannedPick')));
  pick.firstChild.value = '';
  for (const c of state.canned.filter((x) => x.language === r.routingLanguage || x.language === r.language)) {
    const option = el('option', `${c.language} · ${c.title}`);
    option.value = c.text;
    pick.append(option);
  }
  $('person-data').hidden = !state.me.isAdmin;
  $('person-result').textContent = '';
  // After Take, or opening one's own conversation, the next thing a counselor does is write: the reply box has the
  // focus. Otherwise the heading, which says which conversation this is and (described by) its status.
  const focus = { reply: mine ? 'reply-text' : 'conv-title', note: 'note-text', title: 'conv-title' }[state.focusNext];
  state.focusNext = null;
  if (focus) $(focus).focus();
  document.dispatchEvent(new CustomEvent('console:conversation', { detail: { id: state.conversation, mine } }));
}
