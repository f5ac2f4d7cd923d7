// "My first steps" in the console: the person's checklist beside a conversation, and the office's plan numbers on the
// dashboard. Kept apart from conversation.js and dashboard.js, which only announce when they drew; this file uses
// api() (api.js), el() (console.js) and t() (page-language.js). All text goes through textContent.
'use strict';

// The person's answers: plan.q.<question> names a question, plan.<question>.<value> an answer; one without words shows
// its code. The arrival date in the page's language (formatDate, page-language.js).
function planAnswerText(answer) {
  return answer.values.map((value) => {
    if (value === 'skipped') return t('plan.skipped');
    if (answer.question === 'arrival') return formatDate(value);
    return codeText(`plan.${answer.question}`, value);
  }).join(', ');
}
const planPanel = { id: null, mine: false, busy: false };

// A step of plan.yaml in the page's language (the API gives its titles in each); a step a counselor added has only the
// words they wrote.
const stepTitle = (step) => (step.titles && step.titles[pageLanguage]) || step.title;

function planSection() {
  let section = document.getElementById('plan-panel');
  if (section) return section;
  section = el('section', null, 'plan-panel');
  section.id = 'plan-panel';
  section.hidden = true;
  section.setAttribute('aria-labelledby', 'plan-title');
  const title = el('h3');
  setText(title, 'plan.title');
  title.id = 'plan-title';
  title.tabIndex = -1;
  const blocking = el('p', null, 'plan-blocking');
  blocking.id = 'plan-blocking';
  blocking.setAttribute('role', 'status');
  const answers = el('dl', null, 'plan-answers');
  answers.id = 'plan-answers';
  answers.setAttribute('data-t-aria-label', 'plan.answers');
  answers.setAttribute('aria-label', t('plan.answers'));
  const steps = el('ol', null, 'plan-steps');
  steps.id = 'plan-steps';
  const form = el('form');
  form.id = 'plan-add-form';
  const label = el('label');
  const labelText = el('span');
  setText(labelText, 'plan.addLabel');
  label.append(labelText);
  const input = el('input');
  input.id = 'plan-add-text';
  input.maxLength = 500;
  input.dir = 'auto';
  input.required = true;
  label.append(' ', input);
  const add = el('button');
  setText(add, 'plan.add');
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
  if (!response.ok) throw consoleError('error.server', { status: response.status });
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
    answers.append(el('dt', codeText('plan.q', answer.question)), el('dd', planAnswerText(answer)));
  }
  answers.hidden = answers.childElementCount === 0;

  // Questions stopped part way: the answers so far and nothing to mark or add to until the person finishes them.
  const unfinished = plan.finished === false;
  section.querySelector('#plan-add-form').hidden = unfinished;
  if (unfinished) {
    const blocking = section.querySelector('#plan-blocking');
    blocking.textContent = t('plan.unfinished');
    blocking.classList.remove('overdue');
    section.querySelector('#plan-steps').replaceChildren();
    section.hidden = false;
    return;
  }

  const overdue = plan.steps.filter((s) => s.status === 'overdue');
  const next = plan.steps.find((s) => s.status === 'next');
  const blocking = section.querySelector('#plan-blocking');
  if (overdue.length) blocking.textContent = t('plan.blocking', { steps: overdue.map(stepTitle).join('; ') });
  else if (next) blocking.textContent = t('plan.next', { step: stepTitle(next) });
  else if (plan.steps.every((s) => s.status === 'done')) blocking.textContent = t('plan.allDone');
  else blocking.textContent = t('plan.next', { step: stepTitle(plan.steps.find((s) => s.status !== 'done')) });
  blocking.classList.toggle('overdue', overdue.length > 0);

  const list = section.querySelector('#plan-steps');
  list.replaceChildren();
  for (const step of plan.steps) {
    const item = el('li', null, step.status);
    item.dataset.stepId = step.id;
    const title = el('span', stepTitle(step), 'plan-step-title');
    title.dir = 'auto';
    const deadline = step.deadline ? ` · ${t('plan.by', { date: formatDate(step.deadline) })}` : '';
    const meta = el('span', ` · ${codeText('plan.status', step.status)}${deadline}`, 'plan-step-meta');
    item.append(title, meta);
    if (step.status !== 'done') {
      const done = el('button', t('plan.markDone'));
      done.type = 'button';
      done.disabled = !planPanel.mine;
      done.setAttribute('aria-label', t('plan.markDoneLabel', { step: stepTitle(step) }));
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
  section.replaceChildren(el('h3', t('plan.statsTitle')));
  if (!plans) return;
  const cards = el('div', null, 'cards');
  for (const [label, value, id] of [[t('plan.statsPlans'), plans.total, 'd-plans-total'], [t('plan.statsDone'), plans.stepsDone, 'd-plans-done']]) {
    const card = el('div', null, 'card');
    const number = el('span', String(value), 'value');
    number.id = id;
    card.append(el('span', label, 'label'), number);
    cards.append(card);
  }
  section.append(cards);
  if (plans.total === 0) {
    section.append(el('p', t('plan.statsNone'), 'muted'));
  }
  section.append(planTable(`${t('plan.statsPlans')} · ${t('language')}`, [t('language'), t('count')],
    plans.byLanguage.map((l) => [l.language, l.plans])));
  section.append(planTable(t('plan.statsWeeks'), [t('plan.statsWeek'), t('language'), t('count')],
    plans.weeks.map((w) => [formatDate(w.week), w.language, w.stepsDone])));
  const stuck = planTable(t('plan.statsStuck'), [t('plan.statsStep'), t('language'), t('plan.statsWaiting')],
    plans.stuck.map((s) => [(s.titles && s.titles[pageLanguage]) || s.title || s.step, s.language, s.waiting]));
  stuck.id = 'd-plans-stuck';
  section.append(stuck);
}

document.addEventListener('console:conversation', (event) => renderPlanPanel(event.detail.id, event.detail.mine));
document.addEventListener('console:dashboard', (event) => renderPlanStats(event.detail.plans));
