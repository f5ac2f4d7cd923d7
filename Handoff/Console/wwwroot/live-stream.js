// The live stream (Server-Sent Events) of queue changes: it redraws the view it concerns, alerts the counselor to what
// is handed to them, and after a loss looks again at what it may have missed.
'use strict';

// Whether the stream was lost since its last "ready": it only carries what changes while connected, so a request or a
// message that came meanwhile (a network hiccup, a proxy closing the connection) shows only when the page looks again.
let streamLost = false;

function connectStream() {
  const source = new EventSource('/api/handoffs/stream');
  source.addEventListener('ready', () => {
    $('live').classList.add('on');
    if (!streamLost) return;
    streamLost = false;
    refresh();
    if (state.view !== 'queue') updateWaitingCount(); // the queue's drawing counts and announces itself
    if (state.held) noticeHeldChanges(state.held);
  });
  source.addEventListener('handoff', (event) => {
    const change = JSON.parse(event.data);
    if (state.view !== 'conversation' || (state.conversation && state.conversation === change.requestId)) {
      scheduleRefresh();
    }
    if (change.kind === 'transferred' && isMe(change.counselor) && state.conversation !== change.requestId) {
      state.handedToMe.add(change.requestId);
      alertCounselor(t('transferredToYou', { n: 1 }), false);
    }
    if (change.kind === 'priority' && isMe(change.counselor)) {
      noticeEmergencyHeld(change.requestId);
    }
    if (isMe(change.counselor) || (state.held && state.held.has(change.requestId))) rememberHeld();
    updateWaitingCount();
  });
  source.onerror = () => {
    $('live').classList.remove('on');
    streamLost = true;
    // The browser reconnects by itself unless the server refused (401 after a logout elsewhere): then ask whether the
    // session still holds; api() reloads to the login form if not, otherwise try again shortly.
    if (source.readyState === EventSource.CLOSED) {
      api('GET', '/api/auth/me').then(() => setTimeout(connectStream, 5000), () => {});
    }
  };
}
