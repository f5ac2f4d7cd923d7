// The reply box: the draft kept across a reload of the tab and Enter to send (index.html's hint says so). Loaded after
// console.js, whose state, $() and reply form it uses; session.js, conversation.js and conversation-actions.js keep and
// drop drafts through replyDrafts.
'use strict';

// A reply being written survives a reload of the tab (the counselor's own, or the page's after a network hiccup). It is
// the person's data: kept only in this tab's sessionStorage under the conversation's id, never sent and never logged,
// so another tab (another login at a shared computer) never shows it; logging out and the session ending remove all.
const replyDrafts = {
  prefix: 'console.draft.',
  ownerKey: 'console.draftsOf',
  get(id) { return sessionStorage.getItem(this.prefix + id) || ''; },
  set(id, text) {
    if (!text) { this.delete(id); return; }
    try { sessionStorage.setItem(this.prefix + id, text); } catch { /* storage full: the draft stays in the box until a reload */ }
  },
  delete(id) { sessionStorage.removeItem(this.prefix + id); },
  clear() {
    Object.keys(sessionStorage).filter((key) => key.startsWith(this.prefix)).forEach((key) => sessionStorage.removeItem(key));
    sessionStorage.removeItem(this.ownerKey);
  },
  // Drafts are their writer's: someone else logging in on this tab (after a session ended while the page was away or
  // offline, so it cleared nothing) starts with none.
  keepFor(name) {
    const owner = sessionStorage.getItem(this.ownerKey);
    if (owner !== null && owner !== name.toLowerCase()) this.clear();
    sessionStorage.setItem(this.ownerKey, name.toLowerCase());
  },
};

// What is in the box now, as the open conversation's draft.
function keepReplyDraft() {
  if (state.replyFor) replyDrafts.set(state.replyFor, $('reply-text').value);
}

// Enter sends, as in chat tools; Shift+Enter starts a new line. The Enter that ends an IME composition (choosing the
// word in a Chinese or Japanese input method) sends nothing; Safari reports that one as keyCode 229, not isComposing.
function sendOnEnter(event) {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
  event.preventDefault();
  $('reply-form').requestSubmit();
}

$('reply-text').addEventListener('input', keepReplyDraft);
$('reply-text').addEventListener('keydown', sendOnEnter);
