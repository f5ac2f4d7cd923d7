// The dashboard: the queue now, waiting times, satisfaction, outcomes and referrals, unanswered questions and topics due
// for review. Announces each drawing as console:dashboard for plans.js.
'use strict';

async function renderDashboard() {
  const d = await api('GET', '/api/dashboard');
  $('d-waiting').textContent = String(d.waitingNow);
  $('d-active').textContent = String(d.activeNow);
  $('d-median').textContent = minutes(d.medianWaitSecondsToday);
  $('d-p90').textContent = minutes(d.p90WaitSecondsToday);
  $('d-satisfaction').textContent = d.satisfaction.average ? `${d.satisfaction.average} / 5 (${d.satisfaction.count})` : '–';
  const days = $('d-days');
  days.replaceChildren();
  for (const row of d.perDay) {
    const tr = el('tr');
    tr.append(el('td', formatDate(row.date)), el('td', row.language), el('td', reasonText(row.reason)), el('td', String(row.count)));
    days.append(tr);
  }
  const outcomes = $('d-outcomes');
  outcomes.replaceChildren(...d.outcomes.map((o) => { const tr = el('tr'); tr.append(el('td', outcomeText(o.key)), el('td', String(o.count))); return tr; }));
  const referrals = $('d-referrals');
  referrals.replaceChildren(...d.referrals.map((o) => { const tr = el('tr'); tr.append(el('td', institutionText(o.key)), el('td', String(o.count))); return tr; }));
  const questions = $('d-questions');
  questions.replaceChildren();
  for (const q of d.unanswered) {
    const tr = el('tr');
    const text = el('td', q.text);
    text.dir = q.language === 'ar' ? 'rtl' : 'auto';
    tr.append(el('td', formatDateTime(q.at)), el('td', q.language), el('td', q.topic || ''), el('td', codeText('kind', q.kind)), text);
    questions.append(tr);
  }
  const stale = $('d-stale');
  stale.replaceChildren();
  for (const topic of d.staleTopics || []) {
    const tr = el('tr');
    tr.append(el('td', topic.topic), el('td', topic.language), el('td', formatDate(topic.reviewed)), el('td', topic.reviewedBy), el('td', String(topic.ageDays)));
    stale.append(tr);
  }
  document.dispatchEvent(new CustomEvent('console:dashboard', { detail: d }));
}
