// Drives one conversation against IntegrationBot with Microsoft's own Direct Line client, the one Web Chat uses.
// Usage: node converse.mjs BASE_URL websocket|polling MESSAGE [MESSAGE...]
// Prints one JSON line per activity seen, then {"done":true}. Exits non-zero on a protocol failure or timeout.
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';

globalThis.WebSocket = WebSocket;
globalThis.XMLHttpRequest = XMLHttpRequest;
const { DirectLine, ConnectionStatus } = await import('botframework-directlinejs');

const [base, mode, ...messages] = process.argv.slice(2);
const fail = (why) => { console.log(JSON.stringify({ error: why })); process.exit(1); };
setTimeout(() => fail('timeout'), 30000).unref();

const tokenResponse = await fetch(`${base}/api/webchat/token`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ locale: 'en-US' })
});
if (!tokenResponse.ok) fail(`token ${tokenResponse.status}`);
const { token, userId } = await tokenResponse.json();

const directLine = new DirectLine({
  token,
  domain: `${base}/v3/directline`,
  webSocket: mode === 'websocket',
  pollingInterval: 200
});

directLine.connectionStatus$.subscribe((status) => {
  if (status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken) fail(`status ${status}`);
});

// A reply can arrive before the POST that caused it returns its id (the bot is quick, the socket is quicker),
// so replies are remembered by what they answer and a message counts as answered if its reply came first.
let pending = null;
const seen = new Set();
const answered = new Set();
directLine.activity$.subscribe((activity) => {
  if (seen.has(activity.id)) return;
  seen.add(activity.id);
  console.log(JSON.stringify({ id: activity.id, role: activity.from.role, text: activity.text ?? null, replyToId: activity.replyToId ?? null, clientActivityID: activity.channelData?.clientActivityID ?? null }));
  if (activity.from.role === 'bot' && activity.replyToId) answered.add(activity.replyToId);
  if (pending && answered.has(pending.id)) pending.resolve();
});

const waitForWelcome = new Promise((resolve) => {
  const sub = directLine.activity$.subscribe((a) => { if (a.from.role === 'bot') { sub.unsubscribe(); resolve(); } });
});
await waitForWelcome;

for (const text of messages) {
  const id = await new Promise((resolve, reject) =>
    directLine.postActivity({ type: 'message', from: { id: userId, role: 'user' }, text }).subscribe(resolve, reject));
  if (id === 'retry') fail('post failed');
  console.log(JSON.stringify({ posted: id, text }));
  if (!answered.has(id)) await new Promise((resolve) => { pending = { id, resolve }; });
  pending = null;
}

console.log(JSON.stringify({ done: true, mode }));
directLine.end();
process.exit(0);
