// Canned responses: the shared list, and the form that adds or edits one.
'use strict';

async function renderCanned() {
  state.canned = await api('GET', '/api/canned-responses');
  const body = $('canned-rows');
  body.replaceChildren();
  for (const [index, c] of state.canned.entries()) {
    const tr = el('tr');
    const text = el('td', c.text);
    text.dir = c.language === 'ar' ? 'rtl' : 'auto';
    const remove = el('button', t('delete'));
    // Named for a screen reader, and asked first: a deleted response is gone for every counselor, a default one too.
    remove.setAttribute('aria-label', t('deleteLabel', { language: c.language, title: c.title }));
    remove.addEventListener('click', async (event) => {
      event.stopPropagation();
      if (!window.confirm(t('confirmDeleteCanned', { title: c.title, language: c.language }))) return;
      try {
        await api('DELETE', `/api/canned-responses/${c.id}`);
        await renderCanned();
        // The keyboard stays in the list, on the response now in the deleted one's place.
        const rows = $('canned-rows').rows;
        (rows[Math.min(index, rows.length - 1)] || $('canned-title')).focus();
      } catch (error) { showError(error); }
    });
    const action = el('td');
    action.append(remove);
    tr.append(el('td', c.language), el('td', c.title), text, action);
    // A row opens for editing with Enter as with a click, and the form takes the focus, as the other lists do.
    const edit = () => {
      $('canned-id').value = c.id;
      $('canned-language').value = c.language;
      $('canned-title').value = c.title;
      $('canned-text').value = c.text;
      setText($('canned-form-title'), 'editCannedResponse');
      $('canned-title').focus();
    };
    tr.tabIndex = 0;
    tr.addEventListener('click', edit);
    // preventDefault: the Enter would otherwise go on to the title box it focused and submit the form unchanged.
    tr.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.target !== tr) return;
      event.preventDefault();
      edit();
    });
    body.append(tr);
  }
}

function resetCannedForm() {
  $('canned-form').reset();
  $('canned-id').value = '';
  setText($('canned-form-title'), 'newCannedResponse');
}

function wireCannedResponses() {
  $('canned-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { language: $('canned-language').value, title: $('canned-title').value, text: $('canned-text').value };
    const id = $('canned-id').value;
    try {
      await api(id ? 'PUT' : 'POST', id ? `/api/canned-responses/${id}` : '/api/canned-responses', body);
      resetCannedForm();
      await renderCanned();
    } catch (error) { showError(error); }
  });
  $('canned-cancel').addEventListener('click', resetCannedForm);
}
