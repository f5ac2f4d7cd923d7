// Which way a line of the person's or a note reads: right-to-left for Arabic, decided by its letters, since the
// browser's dir="auto" goes by the first letter only.
'use strict';

const ARABIC_LETTERS = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;

// A transcript line or preview: right-to-left in an Arabic conversation when it has Arabic letters, and in any other
// conversation when most of its letters are Arabic (a person switching, danger typed in Arabic). A line without Arabic
// keeps its own order: "/counselor" or a date forced right-to-left read "counselor/".
function lineDirection(text, conversationDirection) {
  if (!text.match(ARABIC_LETTERS)) return 'auto';
  return conversationDirection === 'rtl' ? 'rtl' : directionOf(text);
}

// Right-to-left when most letters are Arabic script. The browser's dir="auto" goes by the first letter only, so an
// Arabic note that begins with a colleague's or an institution's Latin name ("Maja اتصلت بالمدرسة") read left-to-right.
function directionOf(text) {
  const arabic = (text.match(ARABIC_LETTERS) || []).length;
  const latinOrCyrillic = (text.match(/[A-Za-z\u00C0-\u024F\u0400-\u04FF]/g) || []).length;
  return arabic === 0 ? 'auto' : arabic >= latinOrCyrillic ? 'rtl' : 'auto';
}
