// A topic's versions: who changed what and when, a version's changes against the one before (the languages here, the
// topic-wide fields in topics.js's settingsDiff), and going back to a version as a new one.
'use strict';

async function loadVersions() {
  state.versions = await api('GET', `/api/knowledge/topics/${encodeURIComponent(state.topic.id)}/versions`);
  const body = $('versions');
  body.replaceChildren();
  for (const v of [...state.versions].reverse()) {
    const tr = el('tr');
    tr.dataset.version = String(v.version);
    tr.append(el('td', String(v.version)), el('td', v.author), el('td', new Date(v.at).toLocaleString(dateLocale(state.ui))),
      el('td', t(v.change === 'create' && v.author !== 'shipped' ? 'change_new' : `change_${v.change}`)), el('td', v.language || ''), el('td', v.published ? t('yes') : ''));
    const cell = el('td');
    if (v.version > 1) {
      const diff = el('button', t('showChanges'));
      diff.type = 'button';
      diff.className = 'show-diff';
      diff.setAttribute('aria-label', `${t('showChanges')} ${v.version}`);
      diff.addEventListener('click', () => showDiff(v.version));
      cell.append(diff, ' ');
    }
    const revert = el('button', t('revert'));
    revert.type = 'button';
    revert.className = 'revert';
    revert.setAttribute('aria-label', `${t('revert')} ${v.version}`);
    revert.addEventListener('click', () => revertTo(v.version));
    cell.append(revert);
    tr.append(cell);
    body.append(tr);
  }
}

async function revertTo(version) {
  if (!window.confirm(t('confirmRevert', { version }))) return;
  showError(null);
  try {
    state.topic = await api('POST', `/api/knowledge/topics/${encodeURIComponent(state.topic.id)}/revert`, { version });
    renderTopic();
    await loadVersions();
    say(t('reverted', { version }));
  } catch (error) {
    showError(error);
  }
}

// Line diff by longest common subsequence: texts are a few dozen lines, so the quadratic table is small.
function diffLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const table = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { out.push(['same', a[i]]); i++; j++; } else if (table[i + 1][j] >= table[i][j + 1]) { out.push(['del', a[i++]]); } else { out.push(['ins', b[j++]]); }
  }
  while (i < a.length) out.push(['del', a[i++]]);
  while (j < b.length) out.push(['ins', b[j++]]);
  return out;
}

function fieldText(content, name) {
  if (!content) return '';
  const value = content[name];
  return Array.isArray(value) ? value.join('\n') : (value || '');
}

async function showDiff(version) {
  const id = encodeURIComponent(state.topic.id);
  const [after, before] = await Promise.all([
    api('GET', `/api/knowledge/topics/${id}/versions/${version}`),
    api('GET', `/api/knowledge/topics/${id}/versions/${version - 1}`),
  ]);
  const box = $('diff');
  box.replaceChildren(el('h4', t('diffTitle', { version, previous: version - 1 })));
  let changed = false;
  for (const l of LANGUAGES) {
    for (const [name, label] of [['title', 'fieldTitle'], ['answer', 'fieldAnswer'], ['details', 'fieldDetails'], ['questions', 'fieldQuestions'], ['keywords', 'fieldKeywords']]) {
      const old = fieldText(before.languages[l], name);
      const now = fieldText(after.languages[l], name);
      if (old === now) continue;
      changed = true;
      const block = el('div');
      block.lang = languageTag(l);
      block.dir = direction(l);
      block.append(uiText('h5', `${LANGUAGE_NAMES[l]} – ${t(label)}`));
      for (const [kind, line] of diffLines(old, now).filter(([k], index, all) => k !== 'same' || all.length < 12)) {
        block.append(el(kind === 'same' ? 'span' : kind, `${kind === 'ins' ? '+ ' : kind === 'del' ? '− ' : '  '}${line}`, kind === 'same' ? 'same' : ''));
      }
      box.append(block);
    }
  }
  if (settingsDiff(before, after, box)) changed = true;
  if (!changed) box.append(el('p', t('noChanges')));
}
