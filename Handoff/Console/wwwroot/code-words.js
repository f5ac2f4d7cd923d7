// The API's stable codes (reasons, outcomes, institutions, delivery states, the queue's own lines) in the words a
// counselor reads, in English (plans.js, reply-box.js and new-lines.js also have Slovenian words).
'use strict';

// Codes as a counselor reads them (the API keeps the stable codes).
const reasonWords = {
  askedForHuman: 'Asked for a person', lowConfidence: 'No good answer found', negativeFeedback: 'Answer did not help',
  sensitive: 'Sensitive topic', emergency: 'Emergency',
};
const outcomeWords = {
  resolved: 'Resolved', referred: 'Referred to an institution', noAnswer: 'No answer from the person',
  infoGiven: 'Information given, follow-up needed', notOurs: 'Not for the Starting Point office', other: 'Other',
  'withdrawn by user': 'Withdrawn by the person', 'deleted by user': 'Person deleted their data',
};
const institutionWords = {
  csd: 'CSD – social work centre', zrsz: 'ZRSZ – employment service', ue: 'UE – administrative unit', school: 'School or kindergarten',
  police: 'Police', library: 'Library', 'health-centre': 'Health centre (ZD Postojna)', ngo: 'NGO or legal aid', other: 'Other',
};
const reasonText = (code) => reasonWords[code] || code;
function outcomeText(outcome) {
  if (!outcome) return '';
  const [head, note] = outcome.split(' — ');
  const [code, institution] = head.split(':');
  const words = outcomeWords[code] || code;
  const text = institution ? `${words}: ${institutionWords[institution] || institution}` : words;
  return note ? `${text} — ${note}` : text;
}

// The queue's own lines: "closed: referred:ue — note" is stored as a code; the counselor reads it as the Closed list says it.
function systemLine(entry) {
  const text = entry.text.startsWith('closed: ') ? `Closed: ${outcomeText(entry.text.substring('closed: '.length))}` : entry.text;
  return entry.counselorName ? `${text} (${entry.counselorName})` : text;
}

// A counselor message's delivery in words; the reasons are the outbox's (dead letters keep the same text).
function deliveryText(delivery) {
  const reason = delivery.reason || '';
  if (delivery.state === 'delivered') return 'delivered';
  if (delivery.state === 'pending') {
    if (!reason) return 'sending…';
    return reason === 'rate limited' ? 'pending: rate limited, will be sent shortly' : `pending: ${reason}`;
  }
  if (reason === 'unreachable: blocked') return 'failed: the person blocked the bot';
  if (reason === 'unreachable: left') return 'failed: the person left the channel';
  if (reason.startsWith('unconfirmed')) return 'not confirmed: the network did not answer; it may have arrived';
  return `failed: ${reason}`;
}
