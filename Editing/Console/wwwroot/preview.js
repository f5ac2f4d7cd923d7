// The preview of a topic's answer as a person gets it in one language and channel, drawn as that channel shows it:
// Telegram's HTML, the web chat's Markdown, Viber's plain text.
'use strict';

function decodeEntities(text) {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

// Telegram's HTML as Telegram shows it: bold and links (the "Source:" addresses); only https/http links become anchors.
function renderTelegram(html, bubble) {
  let bold = false;
  let link = null;
  for (const piece of html.split(/(<b>|<\/b>|<a href="[^"]*">|<\/a>)/)) {
    if (piece === '<b>') { bold = true; continue; }
    if (piece === '</b>') { bold = false; continue; }
    const opened = /^<a href="([^"]*)">$/.exec(piece);
    if (opened) {
      const href = decodeEntities(opened[1]);
      link = /^https?:\/\//.test(href) ? el('a') : null;
      if (link) { link.href = href; link.rel = 'noreferrer noopener'; link.target = '_blank'; bubble.append(link); }
      continue;
    }
    if (piece === '</a>') { link = null; continue; }
    const text = decodeEntities(piece);
    (link ?? bubble).append(bold ? el('b', text) : document.createTextNode(text));
  }
}

// Web chat renders Markdown: bold and links are what answers use. An address ends before the direction marks that
// isolate it in Arabic text (U+200E, U+200F, U+2066–U+2069), as in the chat.
function renderMarkdown(text, bubble) {
  for (const piece of text.split(/(\*\*[^*]+\*\*|\[[^\]]+\]\(https?:[^)\s]+\)|https?:\/\/[^\s)\u200e\u200f\u2066-\u2069]+)/)) {
    const bold = /^\*\*([^*]+)\*\*$/.exec(piece);
    const link = /^\[([^\]]+)\]\((https?:[^)\s]+)\)$/.exec(piece);
    if (bold) bubble.append(el('b', bold[1]));
    else if (link || /^https?:\/\//.test(piece)) {
      const a = el('a', link ? link[1] : piece);
      a.href = link ? link[2] : piece;
      a.rel = 'noreferrer noopener';
      a.target = '_blank';
      bubble.append(a);
    } else bubble.append(document.createTextNode(piece));
  }
}

async function preview() {
  showError(null);
  const language = $('preview-language').value;
  const channel = $('preview-channel').value;
  const cyrillic = $('preview-cyrillic').checked;
  try {
    const result = await api('GET', `/api/knowledge/topics/${encodeURIComponent(state.topic.id)}/preview?lang=${language}&channel=${channel}&cyrillic=${cyrillic}`);
    const box = $('preview');
    box.replaceChildren();
    result.parts.forEach((part, index) => {
      const bubble = el('div', null, 'bubble');
      bubble.dir = result.direction;
      bubble.lang = language === 'hbs' ? (cyrillic ? 'sr-Cyrl' : 'sr-Latn') : language;
      bubble.setAttribute('aria-label', t('previewPart', { n: index + 1 }));
      bubble.setAttribute('role', 'group');
      if (channel === 'telegram') renderTelegram(part, bubble);
      else if (channel === 'webchat') renderMarkdown(part, bubble);
      else bubble.textContent = part;
      box.append(bubble);
    });
  } catch (error) {
    showError(error);
  }
}

// The preview's languages in their own names, whatever the page's language.
function wirePreview() {
  $('preview-show').addEventListener('click', () => preview());
  for (const l of LANGUAGES) $('preview-language').append(new Option(LANGUAGE_NAMES[l], l));
}
