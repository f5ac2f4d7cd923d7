// Alerts: new requests, a transfer to the counselor and an emergency in what they hold, by sound, desktop notification,
// the tab's title, the emergency banner and the page's live region; and what the counselor holds, to tell what is new.
'use strict';

// A transfer to the counselor and a conversation they hold turning into an emergency alert through the live stream
// only. When no stream brought them they are found in the counselor's conversations: when the console opens (a transfer
// to a counselor whose console was closed: the transferring colleague was warned that they would not see it until they
// open the console), and when the stream is back after a loss, against what they held before it (state.held: id →
// priority). A conversation whose last event is its transfer to them counts as handed to them, with an urgent alert for
// an emergency, until they open it; what they took themselves, already answered or were already told is no news.
async function noticeHeldChanges(before) {
  const me = state.me.name.toLowerCase();
  let held;
  let handed = [];
  try {
    held = await heldByMe();
    const unknown = held.filter((r) => !before || !(before.has(r.id) || state.handedToMe.has(r.id) || state.conversation === r.id));
    const details = await Promise.all(unknown.map((r) => api('GET', `/api/handoffs/${r.id}`).catch(() => null)));
    handed = details.filter((r) => {
      const last = r && r.transcript.filter((e) => e.author === 'system' || e.author === 'counselor').pop();
      return last && last.author === 'system' && last.text.toLowerCase() === `transferred to ${me}`;
    });
  } catch { return; /* shown on next refresh */ }
  state.held = new Map(held.map((r) => [r.id, r.priority]));
  const emergencies = before ? held.filter((r) => r.priority === 'emergency' && before.has(r.id)
    && before.get(r.id) !== 'emergency' && !state.urgentHeld.has(r.id)) : [];
  for (const r of handed) {
    state.handedToMe.add(r.id);
    if (r.priority === 'emergency') state.urgentHeld.add(r.id);
  }
  for (const r of emergencies) {
    if (!(state.view === 'conversation' && state.conversation === r.id && !document.hidden)) state.urgentHeld.add(r.id);
  }
  if (handed.length > 0) {
    alertCounselor(t('transferredToYou', { n: handed.length }),
      handed.some((r) => r.priority === 'emergency'));
  }
  if (emergencies.length > 0) alertCounselor(t('heldEmergency'), true);
  if (handed.length > 0 || emergencies.length > 0) updateWaitingCount();
}

async function heldByMe() {
  return (await api('GET', '/api/handoffs?status=active')).filter((r) => isMe(r.assignedCounselor));
}

// Keeps state.held current while the stream is connected; one looked at after a loss could already hold what the
// stream missed, so it is left for the reconnection to compare.
async function rememberHeld() {
  try {
    const held = await heldByMe();
    if (!streamLost) state.held = new Map(held.map((r) => [r.id, r.priority]));
  } catch { /* the next change looks again */ }
}

// A conversation the counselor holds that turns into an emergency ("my husband is hitting me right now" mid-chat) is
// no waiting request, so announce() never sees it: it alerts like a new emergency and keeps 🚨 in the title until opened.
async function noticeEmergencyHeld(id) {
  try {
    if ((await api('GET', `/api/handoffs/${id}`)).priority !== 'emergency') return;
  } catch { return; /* closed or erased meanwhile */ }
  if (!(state.view === 'conversation' && state.conversation === id && !document.hidden)) state.urgentHeld.add(id);
  alertCounselor(t('heldEmergency'), true);
  updateWaitingCount();
}

async function updateWaitingCount() {
  try {
    const waiting = await api('GET', '/api/handoffs?status=waiting&all=true');
    $('waiting-count').textContent = waiting.length ? String(waiting.length) : '';
    announce(waiting);
  } catch { /* shown on next refresh */ }
}

// New requests: a sound (unless muted), a desktop notification (when permitted), the count in the tab title; an
// emergency also stays in a banner on every view until someone claims it.
function announce(waiting) {
  const emergencies = waiting.filter((r) => r.priority === 'emergency');
  const handed = `${state.handedToMe.size ? `(→${state.handedToMe.size}) ` : ''}${state.urgentHeld.size ? '🚨 ' : ''}`;
  document.title = waiting.length ? `(${waiting.length})${emergencies.length ? ' 🚨' : ''} ${handed}${t('pageTitle')}` : `${handed}${t('pageTitle')}`;
  $('emergency-banner').hidden = emergencies.length === 0;
  $('emergency-text').textContent = t('emergencyWaiting', { n: emergencies.length });
  const fresh = state.seen ? waiting.filter((r) => !state.seen.has(r.id)) : [];
  state.seen = new Set(waiting.map((r) => r.id));
  if (fresh.length === 0) return;
  const urgent = fresh.some((r) => r.priority === 'emergency');
  alertCounselor(urgent ? t('newEmergency') : t('newRequest', { n: fresh.length }), urgent);
}

// One alert: sound (unless muted), desktop notification (when permitted) and the live region on the page.
function alertCounselor(text, urgent) {
  const muted = $('mute').checked;
  if (!muted) beep(urgent);
  if ('Notification' in window && Notification.permission === 'granted') {
    new Notification(text, { body: t('pageTitle'), tag: urgent ? 'emergency' : 'request', requireInteraction: urgent });
  }
  $('alerts').textContent = text;
  $('alerts').dataset.sound = muted ? 'muted' : 'played';
}

function beep(urgent) {
  try {
    const audio = new AudioContext();
    const tones = urgent ? [880, 660, 880] : [660];
    tones.forEach((frequency, i) => {
      const oscillator = audio.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(audio.destination);
      oscillator.start(audio.currentTime + i * 0.25);
      oscillator.stop(audio.currentTime + i * 0.25 + 0.2);
    });
  } catch { /* no audio device: the title, banner and notification remain */ }
}

function wireAlerts() {
  $('mute').checked = localStorage.getItem('console.mute') === '1';
  $('mute').addEventListener('change', () => localStorage.setItem('console.mute', $('mute').checked ? '1' : '0'));
  $('notify').hidden = !('Notification' in window) || Notification.permission === 'granted';
  $('notify').addEventListener('click', async () => {
    $('notify').hidden = (await Notification.requestPermission()) === 'granted';
  });
  // Every counselor online is alerted to an emergency, also one in a colleague's language: the queue it opens shows it.
  $('emergency-open').addEventListener('click', () => {
    $('show-all').checked = true;
    show('queue');
  });
}
