// What a counselor does in the open conversation: take, release, reply (with a canned response), note, transfer to a
// colleague or a language, close with an outcome. Each is drawn again after the server took it.
'use strict';

// Whether the server took it: a refused reply (the person blocked the bot or left) stays in its box to keep or copy.
// focusNext: where the focus goes once the conversation is drawn again ('reply', 'note' or 'title'; the last when the
// conversation leaves the counselor's hands and the control they used is disabled).
async function conversationAction(action, body, focusNext = null) {
  showError(null);
  state.refusedFor = null;
  try {
    await api('POST', `/api/handoffs/${state.conversation}/${action}`, body);
  } catch (error) {
    if (error.status === 404) conversationGone(); else showError(error);
    if (error.reason) state.refusedFor = state.conversation;
    return false;
  }
  state.focusNext = focusNext;
  try {
    await renderConversation();
  } catch (error) { showError(error); }
  return true;
}

// A colleague who is offline would not see the conversation until they next open the console: ask first.
// A transfer nobody online would see (to an offline colleague, or to a language nobody else online speaks) asks first:
// the person would wait until someone opens the console.
async function confirmTransfer(counselor, language) {
  let counselors;
  try {
    counselors = await api('GET', '/api/counselors');
  } catch (error) {
    showError(error);
    return false;
  }
  const question = counselor ? offlineColleagueQuestion(counselors, counselor) : language ? nobodyOnlineQuestion(counselors, language) : null;
  return !question || window.confirm(question);
}

function offlineColleagueQuestion(counselors, name) {
  const colleague = counselors.find((c) => c.name.toLowerCase() === name.toLowerCase());
  return colleague && !colleague.online
    ? t('confirmOfflineColleague', { name: colleague.name })
    : null;
}

function nobodyOnlineQuestion(counselors, language) {
  const others = counselors.filter((c) => c.online && c.languages.includes(language) && c.name.toLowerCase() !== state.me.name.toLowerCase());
  return others.length === 0
    ? t('confirmNobodyOnline', { language })
    : null;
}

// Colleagues offered when the counselor starts typing a name: who is online and which languages each speaks, so a
// transfer goes to a name that exists and to someone who can talk with the person (a typed name that matches nobody is refused).
async function offerColleagues() {
  let counselors;
  try {
    counselors = await api('GET', '/api/counselors');
  } catch {
    return; // Typing a name still works; the transfer itself reports a failure.
  }
  const options = counselors
    .filter((c) => c.name.toLowerCase() !== state.me.name.toLowerCase())
    .sort((a, b) => (b.online - a.online) || a.name.localeCompare(b.name))
    .map((c) => {
      const option = el('option');
      option.value = c.name;
      option.label = `${t(c.online ? 'colleagueOnline' : 'colleagueOffline')} · ${c.languages.join(', ')}`;
      return option;
    });
  $('transfer-colleagues').replaceChildren(...options);
}

function wireConversationActions() {
  $('take').addEventListener('click', () => conversationAction('claim', undefined, 'reply'));
  $('release').addEventListener('click', () => conversationAction('release', undefined, 'title'));
  // A canned text goes after what the counselor wrote; choosing another (the arrow keys choose at each press) replaces
  // only the canned text chosen before, so the counselor's own words stay.
  $('canned-pick').addEventListener('change', (event) => {
    const box = $('reply-text');
    const own = state.inserted && box.value === state.inserted.before + state.inserted.text ? state.inserted.before : box.value;
    const before = own && !/\s$/.test(own) && event.target.value ? `${own} ` : own;
    box.value = before + event.target.value;
    state.inserted = { before, text: event.target.value };
    keepReplyDraft();
  });
  $('reply-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('reply-text').value.trim();
    if (!text) return;
    const id = state.replyFor;
    if (await conversationAction('messages', { text }, 'reply')) {
      replyDrafts.delete(id);
      $('reply-text').value = '';
      state.inserted = null;
    }
  });
  $('note-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('note-text').value.trim();
    if (!text) return;
    if (await conversationAction('notes', { text }, 'note')) $('note-text').value = '';
  });
  $('transfer-counselor').addEventListener('focus', offerColleagues);
  $('transfer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const counselor = $('transfer-counselor').value.trim();
    const language = $('transfer-language').value;
    if (!(await confirmTransfer(counselor, language))) return;
    await conversationAction('transfer', counselor ? { counselor } : { language }, 'title');
    event.target.reset();
  });
  $('close-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = $('close-outcome').value;
    const head = code === 'referred' ? `referred:${$('close-institution').value}` : code;
    const note = $('close-note').value.trim();
    await conversationAction('close', { outcome: note ? `${head} — ${note}` : head }, 'title');
    $('close-note').value = '';
  });
  $('close-outcome').addEventListener('change', () => { $('close-institution-label').hidden = $('close-outcome').value !== 'referred'; });
}
