// The API's stable codes (reasons, outcomes, institutions, priorities, statuses, delivery states, the queue's own lines)
// in the words a counselor reads, in the page's language (t(), page-language.js). A code without words shows as it is.
'use strict';

function codeText(group, code) {
  if (code === 'other' && (group === 'outcome' || group === 'institution')) return t('other');
  const key = `${group}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

const reasonText = (code) => codeText('reason', code);
const institutionText = (code) => codeText('institution', code);
function outcomeText(outcome) {
  if (!outcome) return '';
  const [head, note] = outcome.split(' — ');
  const [code, institution] = head.split(':');
  const words = codeText('outcome', code);
  const text = institution ? `${words}: ${institutionText(institution)}` : words;
  return note ? `${text} — ${note}` : text;
}

// The queue's own lines are stored in English (HandoffStateMachine) and read in the page's language: "claimed" and
// "released" as they are, the others by their start and what follows it (a counselor's name, a language code, an
// outcome: "closed: referred:ue — note" as the Closed list says it). Names go in <bdi> (tIsolated), as written.
const systemLineStarts = [
  ['transferred to language ', 'system.transferredToLanguage', 'language'],
  ['transferred to ', 'system.transferredTo', 'name'],
  ['the person changed the language to ', 'system.languageChanged', 'language'],
];

function systemLine(entry) {
  const text = entry.text;
  let words;
  if (text === 'claimed' || text === 'released') {
    words = tIsolated(`system.${text}`);
  } else if (text.startsWith('closed: ')) {
    words = tIsolated('closedLine', { outcome: outcomeText(text.substring('closed: '.length)) });
  } else {
    const known = systemLineStarts.find(([start]) => text.startsWith(start));
    words = known ? tIsolated(known[1], { [known[2]]: text.substring(known[0].length) }) : [document.createTextNode(text)];
  }
  return entry.counselorName ? tIsolated('system.by', { line: words, name: entry.counselorName }) : words;
}

// A counselor message's delivery in words; the reasons are the outbox's (dead letters keep the same text).
function deliveryText(delivery) {
  const reason = delivery.reason || '';
  if (delivery.state === 'delivered') return t('delivered');
  if (delivery.state === 'pending') {
    if (!reason) return t('sending');
    if (reason === 'rate limited') return t('pendingRateLimited');
    // "retrying: telegram 502" (OutboxDispatcher): the words are the page's, the channel's answer stays as it came.
    return reason.startsWith('retrying: ') ? t('pendingRetrying', { reason: reason.substring('retrying: '.length) }) : t('pendingReason', { reason });
  }
  if (reason === 'unreachable: blocked') return t('failedBlocked');
  if (reason === 'unreachable: left') return t('failedLeft');
  if (reason.startsWith('unconfirmed')) return t('notConfirmed');
  return t('failedReason', { reason });
}
