// "My first steps" in the console: the person's checklist beside a conversation, and the office's plan numbers on the
// dashboard. Kept apart from conversation.js and dashboard.js, which only announce when they drew; this file uses
// api() (api.js), el() and the language (consoleInSlovenian) from console.js. All text goes through textContent.
'use strict';

const planStrings = {
  en: {
    title: 'First steps',
    noPlan: 'This person has no plan, or did not agree to share it.',
    blocking: 'Blocking (overdue): ',
    next: 'Next: ',
    allDone: 'All steps are done.',
    status: { done: 'done', next: 'next', overdue: 'overdue', open: 'open' },
    by: 'by ',
    answersTitle: 'Their answers',
    unfinished: 'The person stopped the questions part way: no steps yet. These are the answers so far.',
    skipped: 'skipped',
    questions: { origin: 'From', purpose: 'Came for', arrival: 'Arrived', children: 'Children', has: 'Already has' },
    values: {
      origin: { eu: 'EU, EEA or Switzerland', 'western-balkans': 'Western Balkans', other: 'another country' },
      purpose: { work: 'work', family: 'family', study: 'study', protection: 'international protection (asylum)', other: 'other' },
      children: { 'under-6': 'under 6', '6-15': '6 to 15', '15-18': '15 to 18', none: 'no children' },
      has: {
        'residence-permit': 'residence permit', 'registered-address': 'registered address', 'tax-number': 'tax number',
        'health-insurance': 'health insurance', 'bank-account': 'bank account', 'phone-number': 'Slovenian phone number',
        none: 'none of these',
      },
    },
    markDone: 'Mark done',
    markDoneLabel: (title) => `Mark done: ${title}`,
    addLabel: 'Add a step (the person is told)',
    add: 'Add step',
    statsTitle: 'First steps plans',
    statsPlans: 'Plans made',
    statsDone: 'Steps completed',
    statsWeeks: 'Steps completed per week',
    statsWeek: 'Week from',
    statsLanguage: 'Language',
    statsCount: 'Count',
    statsStuck: 'Where people get stuck (reached and not done)',
    statsStep: 'Step',
    statsWaiting: 'Waiting',
    statsNone: 'No plans yet.',
  },
  sl: {
    title: 'Prvi koraki',
    noPlan: 'Oseba nima načrta ali ga ni dovolila deliti.',
    blocking: 'Ovira (zamuja): ',
    next: 'Naslednji: ',
    allDone: 'Vsi koraki so opravljeni.',
    status: { done: 'opravljeno', next: 'naslednji', overdue: 'zamuja', open: 'odprto' },
    by: 'do ',
    answersTitle: 'Odgovori osebe',
    unfinished: 'Oseba je vprašanja prekinila: koraki še niso določeni. To so dosedanji odgovori.',
    skipped: 'preskočeno',
    questions: { origin: 'Od kod', purpose: 'Namen', arrival: 'Prihod', children: 'Otroci', has: 'Že ima' },
    values: {
      origin: { eu: 'EU, EGP ali Švica', 'western-balkans': 'Zahodni Balkan', other: 'druga država' },
      purpose: { work: 'delo', family: 'družina', study: 'študij', protection: 'mednarodna zaščita (azil)', other: 'drugo' },
      children: { 'under-6': 'pod 6 let', '6-15': '6 do 15 let', '15-18': '15 do 18 let', none: 'brez otrok' },
      has: {
        'residence-permit': 'dovoljenje za prebivanje', 'registered-address': 'prijavljen naslov', 'tax-number': 'davčna številka',
        'health-insurance': 'zdravstveno zavarovanje', 'bank-account': 'bančni račun', 'phone-number': 'slovenska telefonska številka',
        none: 'nič od tega',
      },
    },
    markDone: 'Označi kot opravljeno',
    markDoneLabel: (title) => `Označi kot opravljeno: ${title}`,
    addLabel: 'Dodaj korak (oseba bo obveščena)',
    add: 'Dodaj korak',
    statsTitle: 'Načrti prvih korakov',
    statsPlans: 'Narejeni načrti',
    statsDone: 'Opravljeni koraki',
    statsWeeks: 'Opravljeni koraki po tednih',
    statsWeek: 'Teden od',
    statsLanguage: 'Jezik',
    statsCount: 'Število',
    statsStuck: 'Kje se ljudje ustavijo (dosežen, ne opravljen)',
    statsStep: 'Korak',
    statsWaiting: 'Čaka',
    statsNone: 'Še ni načrtov.',
  },
};

const planText = consoleInSlovenian ? planStrings.sl : planStrings.en;

// The API's yyyy-MM-dd as a counselor reads a date: "28. november 2026", "28 November 2026" (the month by name, so no
// one takes 07.12 for 12 July). Read as UTC midnight and shown in UTC, so the day never shifts with the browser's zone.
const planDateFormat = new Intl.DateTimeFormat(consoleInSlovenian ? 'sl-SI' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const planDate = (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? planDateFormat.format(new Date(`${iso}T00:00:00Z`)) : iso);

function planAnswerText(answer) {
  return answer.values.map((value) => {
    if (value === 'skipped') return planText.skipped;
    if (answer.question === 'arrival') return planDate(value);
    return (planText.values[answer.question] || {})[value] || value;
  }).join(', ');
}
const planPanel = { id: null, mine: false, busy: false };

function planSection() {
  let section = document.getElementById('plan-panel');
  if (section) return section;
  section = el('section', null, 'plan-panel');
  section.id = 'plan-panel';
  section.hidden = true;
  section.setAttribute('aria-labelledby', 'plan-title');
  const title = el('h3', planText.title);
  title.id = 'plan-title';
  title.tabIndex = -1;
  const blocking = el('p', null, 'plan-blocking');
  blocking.id = 'plan-blocking';
  blocking.setAttribute('role', 'status');
  const answers = el('dl', null, 'plan-answers');
  answers.id = 'plan-answers';
  answers.setAttribute('aria-label', planText.answersTitle);
  const steps = el('ol', null, 'plan-steps');
  steps.id = 'plan-steps';
  const form = el('form');
  form.id = 'plan-add-form';
  const label = el('label', planText.addLabel);
  const input = el('input');
  input.id = 'plan-add-text';
  input.maxLength = 500;
  input.dir = 'auto';
  input.required = true;
  label.append(' ', input);
  const add = el('button', planText.add);
  add.type = 'submit';
  form.append(label, add);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    if (await planAction('steps', { text })) input.value = '';
  });
  section.append(title, blocking, answers, steps, form);
  document.querySelector('#conversation-view .actions').append(section);
  return section;
}

async function loadPlan(id) {
  const response = await fetch(`/api/handoffs/${id}/plan`, { credentials: 'same-origin' });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(response.statusText);
  return response.json();
}

async function renderPlanPanel(id, mine) {
  planPanel.id = id;
  planPanel.mine = mine;
  const section = planSection();
  let plan;
  try {
    plan = await loadPlan(id);
  } catch (error) {
    showError(error);
    return;
  }
  if (planPanel.id !== id) return;
  if (!plan) {
    section.hidden = true;
    return;
  }
  drawPlan(section, plan);
}

function drawPlan(section, plan) {
  const answers = section.querySelector('#plan-answers');
  answers.replaceChildren();
  for (const answer of plan.answers || []) {
    answers.append(el('dt', planText.questions[answer.question] || answer.question), el('dd', planAnswerText(answer)));
  }
  answers.hidden = answers.childElementCount === 0;

  // Questions stopped part way: the answers so far and nothing to mark or add to until the person finishes them.
  const unfinished = plan.finished === false;
  section.querySelector('#plan-add-form').hidden = unfinished;
  if (unfinished) {
    const blocking = section.querySelector('#plan-blocking');
    blocking.textContent = planText.unfinished;
    blocking.classList.remove('overdue');
    section.querySelector('#plan-steps').replaceChildren();
    section.hidden = false;
    return;
  }

  const overdue = plan.steps.filter((s) => s.status === 'overdue');
  const next = plan.steps.find((s) => s.status === 'next');
  const blocking = section.querySelector('#plan-blocking');
  if (overdue.length) blocking.textContent = planText.blocking + overdue.map((s) => s.title).join('; ');
  else if (next) blocking.textContent = planText.next + next.title;
  else if (plan.steps.every((s) => s.status === 'done')) blocking.textContent = planText.allDone;
  else blocking.textContent = planText.next + plan.steps.find((s) => s.status !== 'done').title;
  blocking.classList.toggle('overdue', overdue.length > 0);

  const list = section.querySelector('#plan-steps');
  list.replaceChildren();
  for (const step of plan.steps) {
    const item = el('li', null, step.status);
    item.dataset.stepId = step.id;
    const title = el('span', step.title, 'plan-step-title');
    title.dir = 'auto';
    const meta = el('span', ` · ${planText.status[step.status] || step.status}${step.deadline ? ` · ${planText.by}${planDate(step.deadline)}` : ''}`, 'plan-step-meta');
    item.append(title, meta);
    if (step.status !== 'done') {
      const done = el('button', planText.markDone);
      done.type = 'button';
      done.disabled = !planPanel.mine;
      done.setAttribute('aria-label', planText.markDoneLabel(step.title));
      done.addEventListener('click', async () => {
        if (await planAction('done', { stepId: step.id })) {
          // Keep the keyboard where it was: on the next open step's button, else on the panel's title.
          const following = section.querySelector('#plan-steps li:not(.done) button:not(:disabled)');
          (following || section.querySelector('#plan-title')).focus();
        }
      });
      item.append(' ', done);
    }
    list.append(item);
  }
  section.querySelectorAll('#plan-add-form input, #plan-add-form button').forEach((c) => { c.disabled = !planPanel.mine; });
  section.hidden = false;
}

async function planAction(action, body) {
  if (planPanel.busy) return false;
  planPanel.busy = true;
  try {
    const plan = await api('POST', `/api/handoffs/${planPanel.id}/plan/${action}`, body);
    drawPlan(planSection(), plan);
    return true;
  } catch (error) {
    showError(error);
    return false;
  } finally {
    planPanel.busy = false;
  }
}

function planTable(caption, headers, rows) {
  const wrap = el('div');
  wrap.append(el('h4', caption));
  const table = el('table', null, 'list');
  const head = el('tr');
  for (const h of headers) head.append(el('th', h));
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    for (const cell of row) tr.append(el('td', String(cell)));
    body.append(tr);
  }
  table.append(thead, body);
  wrap.append(table);
  return wrap;
}

function renderPlanStats(plans) {
  let section = document.getElementById('d-plans');
  if (!section) {
    section = el('section', null, 'plan-stats');
    section.id = 'd-plans';
    document.getElementById('dashboard-view').append(section);
  }
  section.replaceChildren(el('h3', planText.statsTitle));
  if (!plans) return;
  const cards = el('div', null, 'cards');
  for (const [label, value, id] of [[planText.statsPlans, plans.total, 'd-plans-total'], [planText.statsDone, plans.stepsDone, 'd-plans-done']]) {
    const card = el('div', null, 'card');
    const number = el('span', String(value), 'value');
    number.id = id;
    card.append(el('span', label, 'label'), number);
    cards.append(card);
  }
  section.append(cards);
  if (plans.total === 0) {
    section.append(el('p', planText.statsNone, 'muted'));
  }
  section.append(planTable(`${planText.statsPlans} · ${planText.statsLanguage}`, [planText.statsLanguage, planText.statsCount],
    plans.byLanguage.map((l) => [l.language, l.plans])));
  section.append(planTable(planText.statsWeeks, [planText.statsWeek, planText.statsLanguage, planText.statsCount],
    plans.weeks.map((w) => [w.week, w.language, w.stepsDone])));
  const stuck = planTable(planText.statsStuck, [planText.statsStep, planText.statsLanguage, planText.statsWaiting],
    plans.stuck.map((s) => [s.title || s.step, s.language, s.waiting]));
  stuck.id = 'd-plans-stuck';
  section.append(stuck);
}

document.addEventListener('console:conversation', (event) => renderPlanPanel(event.detail.id, event.detail.mine));
document.addEventListener('console:dashboard', (event) => renderPlanStats(event.detail.plans));
