// The municipality's chat page: a language picker and the official Web Chat, talking Direct Line 3.0 to this host.
(function () {
  'use strict';

  // Web Chat ships bundles for these locales; Albanian and plain Serbian/Bosnian fall back to English, so a few strings are given.
  var languages = {
    sl: { locale: 'sl-SI', dir: 'ltr' },
    en: { locale: 'en-US', dir: 'ltr' },
    sq: { locale: 'sq-AL', dir: 'ltr', strings: { TEXT_INPUT_PLACEHOLDER: 'Shkruani mesazhin tuaj', TEXT_INPUT_SEND_BUTTON_ALT: 'Dërgo' } },
    hbs: { locale: 'hr-HR', dir: 'ltr', strings: { TEXT_INPUT_PLACEHOLDER: 'Napišite poruku', TEXT_INPUT_SEND_BUTTON_ALT: 'Pošalji' } },
    // dir="auto" turns right-to-left only for a few exact Arabic locales, so Arabic is always given dir="rtl".
    ar: { locale: 'ar-EG', dir: 'rtl' }
  };
  var storageKey = 'integrationbot.webchat';
  var statusLine = document.getElementById('status');

  function remembered() {
    try { return JSON.parse(sessionStorage.getItem(storageKey) || 'null'); } catch (e) { return null; }
  }

  function remember(value) {
    try { sessionStorage.setItem(storageKey, JSON.stringify(value)); } catch (e) { /* private mode: start anew next time */ }
  }

  function fetchToken(lang) {
    return fetch('/api/webchat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale: languages[lang].locale })
    }).then(function (response) {
      if (!response.ok) { throw new Error('token ' + response.status); }
      return response.json();
    });
  }

  function refresh(saved) {
    return fetch('/v3/directline/tokens/refresh', { method: 'POST', headers: { Authorization: 'Bearer ' + saved.token } })
      .then(function (response) {
        if (!response.ok) { throw new Error('refresh ' + response.status); }
        return response.json();
      })
      .then(function (t) {
        return { lang: saved.lang, token: t.token, conversationId: t.conversationId, userId: saved.userId, resumed: true };
      });
  }

  function start(lang) {
    var chosen = languages[lang] || languages.en;
    document.querySelectorAll('.languages button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === lang));
    });
    document.documentElement.lang = lang === 'hbs' ? 'hr' : lang;
    statusLine.textContent = '';

    var saved = remembered();
    // A reload resumes the same conversation while its token can still be refreshed; otherwise a new one starts.
    var session = (saved && saved.lang === lang ? refresh(saved) : Promise.reject(new Error('none')))
      .catch(function () {
        return fetchToken(lang).then(function (t) {
          return { lang: lang, token: t.token, conversationId: t.conversationId, userId: t.userId, resumed: false };
        });
      })
      .then(function (s) { remember(s); return s; });

    session.then(function (s) {
      var directLine = window.WebChat.createDirectLine({
        token: s.token,
        conversationId: s.resumed ? s.conversationId : undefined,
        domain: window.location.origin + '/v3/directline',
        webSocket: true
      });
      var host = document.getElementById('webchat');
      host.innerHTML = '';
      host.setAttribute('dir', chosen.dir);
      window.WebChat.renderWebChat({
        directLine: directLine,
        userID: s.userId,
        locale: chosen.locale,
        dir: chosen.dir,
        overrideLocalizedStrings: chosen.strings,
        styleOptions: { bubbleMaxWidth: 640, hideUploadButton: true, suggestedActionLayout: 'flow' }
      }, host);
      window.integrationBotDirectLine = directLine;
      // Coming back to an earlier conversation: the bot shows the person's plan ("My first steps") if they have one.
      if (s.resumed) {
        directLine.postActivity({ type: 'event', name: 'webchat/join', from: { id: s.userId, role: 'user' } }).subscribe(function () {}, function () {});
      }
    }).catch(function () {
      statusLine.textContent = 'The chat is not available right now. Please try again later.';
    });
  }

  document.querySelectorAll('.languages button').forEach(function (button) {
    button.addEventListener('click', function () { start(button.getAttribute('data-lang')); });
  });

  // A link such as /?lang=ar opens the chat straight in that language (for the municipality's language pages).
  var requested = new URLSearchParams(window.location.search).get('lang');
  var saved = remembered();
  if (requested && languages[requested]) { start(requested); } else if (saved && languages[saved.lang]) { start(saved.lang); }
}());
