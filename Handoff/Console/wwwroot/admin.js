// Admin: counselor accounts (roles, unlock, deactivate) and a person's data (export or erase, by channel and id or for
// the open conversation's person).
'use strict';

// What an admin needs to manage an account: its roles, whether it can log in, and the two actions that need no password.
function accountStatus(c) {
  if (c.deactivated) return t('accountDeactivated');
  if (c.lockedUntil && new Date(c.lockedUntil) > new Date()) return t('lockedUntil', { time: formatDateTime(c.lockedUntil) });
  return c.online ? t('colleagueOnline') : '';
}

// After the table is redrawn, focus goes back to the same counselor's row, so a keyboard user goes on from there.
async function accountAction(name, action) {
  try {
    await api('POST', `/api/admin/counselors/${encodeURIComponent(name)}/${action}`);
    showError(null);
    await renderAdmin();
  } catch (error) { showError(error); }
  const row = [...$('counselor-rows').rows].find((r) => r.dataset.name === name);
  (row?.querySelector('button') || row?.cells[0])?.focus();
}

async function renderAdmin() {
  const counselors = await api('GET', '/api/admin/counselors');
  state.accounts = counselors;
  const body = $('counselor-rows');
  body.replaceChildren();
  for (const c of counselors) {
    const tr = el('tr');
    const actions = el('td');
    if (c.lockedUntil && !c.deactivated && new Date(c.lockedUntil) > new Date()) {
      const unlock = el('button', t('unlock'));
      unlock.type = 'button';
      unlock.setAttribute('aria-label', t('unlockLabel', { name: c.name }));
      unlock.addEventListener('click', () => accountAction(c.name, 'unlock'));
      actions.append(unlock);
    }
    if (!c.deactivated) {
      const deactivate = el('button', t('deactivate'), 'danger');
      deactivate.type = 'button';
      deactivate.setAttribute('aria-label', t('deactivateLabel', { name: c.name }));
      deactivate.addEventListener('click', () => {
        if (window.confirm(t('confirmDeactivate', { name: c.name }))) {
          accountAction(c.name, 'deactivate');
        }
      });
      actions.append(deactivate);
    }
    tr.dataset.name = c.name;
    const name = el('td', c.name);
    name.tabIndex = -1;
    // Admins may edit knowledge without the editor role; the form's Editor box is the role itself.
    tr.append(name, el('td', c.languages.join(', ')), el('td', c.isAdmin ? t('yes') : ''),
      el('td', c.isEditor ? t('yes') : (c.isAdmin ? t('asAdmin') : '')), el('td', accountStatus(c)), actions);
    body.append(tr);
  }
}

function userPath() {
  return `/api/admin/users/${encodeURIComponent($('user-channel').value)}/${encodeURIComponent($('user-id').value)}`;
}

function wireAdmin() {
  // Admins export or erase the person of the open conversation; their user id stays on the server.
  $('person-export').addEventListener('click', async () => {
    try {
      const data = await api('GET', `/api/admin/handoffs/${state.conversation}/person/export`);
      const link = el('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      link.download = `person-data-${state.conversation}.json`;
      link.click();
      $('person-result').textContent = t('exported');
    } catch (error) { showError(error); }
  });
  $('person-erase').addEventListener('click', async () => {
    if (!window.confirm(t('confirmErasePerson'))) return;
    try {
      await api('DELETE', `/api/admin/handoffs/${state.conversation}/person`);
      $('person-result').textContent = t('erased');
    } catch (error) { showError(error); }
  });
  // Saving an existing name replaces the account: start from what it has, so a new password drops no role by mistake.
  $('new-name').addEventListener('change', () => {
    const name = $('new-name').value.trim().toLowerCase();
    const existing = (state.accounts || []).find((c) => c.name.toLowerCase() === name);
    if (!existing) return;
    $('new-languages').value = existing.languages.join(',');
    $('new-admin').checked = existing.isAdmin;
    $('new-editor').checked = existing.isEditor;
  });
  $('counselor-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', '/api/admin/counselors', {
        name: $('new-name').value,
        languages: $('new-languages').value.split(',').map((l) => l.trim()).filter(Boolean),
        password: $('new-password').value || null, // none: an existing account keeps its password
        isAdmin: $('new-admin').checked,
        isEditor: $('new-editor').checked,
      });
      event.target.reset();
      showError(null);
      await renderAdmin();
    } catch (error) { showError(error); }
  });
  $('user-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try { $('user-result').textContent = JSON.stringify(await api('GET', `${userPath()}/export`), null, 2); } catch (error) { showError(error); }
  });
  $('user-erase').addEventListener('click', async () => {
    if (!$('user-form').reportValidity() || !window.confirm(t('confirmEraseUser'))) return;
    try { $('user-result').textContent = JSON.stringify(await api('DELETE', userPath()), null, 2); } catch (error) { showError(error); }
  });
}
