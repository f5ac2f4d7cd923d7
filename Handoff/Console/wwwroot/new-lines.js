// "New messages below": a counselor reading back in the transcript stays where she reads when the conversation is drawn
// again (conversation.js keeps the scroll position), so a button at the transcript's foot says the person wrote meanwhile
// and takes her to the end. Its region is aria-live="polite": a screen reader hears it without losing its place.
// Listens for conversation.js's console:conversation, sent after each drawing.
'use strict';

// The conversation and number of lines of the last drawing: a drawing of the same one with more lines brought news.
let linesDrawn = { id: null, count: 0 };

function transcriptAtEnd(list) {
  return list.scrollHeight - list.scrollTop - list.clientHeight < 16;
}

function showNewLinesBelow() {
  if ($('new-lines').firstChild) return;
  const button = el('button');
  setText(button, 'newLines');
  button.type = 'button';
  button.addEventListener('click', () => {
    const list = $('transcript');
    list.scrollTop = list.scrollHeight;
    // The button goes: the keyboard goes on in the transcript it showed.
    list.focus();
    hideNewLinesBelow();
  });
  $('new-lines').append(button);
}

function hideNewLinesBelow() {
  $('new-lines').replaceChildren();
}

document.addEventListener('console:conversation', (event) => {
  const list = $('transcript');
  const count = list.children.length;
  if (event.detail.id !== linesDrawn.id || transcriptAtEnd(list)) hideNewLinesBelow();
  else if (count > linesDrawn.count) showNewLinesBelow();
  linesDrawn = { id: event.detail.id, count };
});
$('transcript').addEventListener('scroll', () => {
  if (transcriptAtEnd($('transcript'))) hideNewLinesBelow();
});
