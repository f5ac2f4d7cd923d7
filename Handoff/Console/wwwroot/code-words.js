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

// The queue's own lines: "closed: referred:ue — note" is stored as a code; the counselor reads it as the Closed list says it.
function systemLine(entry) {
  const text = entry.text.startsWith('closed: ') ? t('closedLine', { outcome: outcomeText(entry.text.substring('closed: '.length)) }) : entry.text;
  return entry.counselorName ? `${text} (${entry.counselorName})` : text;
}

// A counselor message's delivery in words; the reasons are the outbox's (dead letters keep the same text).
function deliveryText(delivery) {
  const reason = delivery.reason || '';
  if (delivery.state === 'delivered') return t('delivered');
  if (delivery.state === 'pending') {
    if (!reason) return t('sending');
    return reason === 'rate limited' ? t('pendingRateLimited') : t('pendingReason', { reason });
  }
  if (reason === 'unreachable: blocked') return t('failedBlocked');
  if (reason === 'unreachable: left') return t('failedLeft');
  if (reason.startsWith('unconfirmed')) return t('notConfirmed');
  return t('failedReason', { reason });
}
