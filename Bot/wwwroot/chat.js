// The municipality's chat page: a language picker and the official Web Chat, talking Direct Line 3.0 to this host.
// The widget always shows the bot's language: the bot names it in every reply's locale, and the header's buttons ask
// the bot to change it (a setLanguage event) instead of changing only the widget.
(function () {
  'use strict';

  var strings = window.IntegrationBotWidgetStrings || {};
  var words = window.IntegrationBotPageStrings || {};

  // Web Chat formats dates, "5 minutes ago", plurals and file sizes with its own Globalize data, which has no Albanian
  // (English showed) and gives Bosnian/Serbian readers Croatian months ("prosinca"). The browser's Intl knows Albanian
  // and Bosnian (ijekavian "prije 5 minuta", "decembar", understood by all three), so those come from Intl instead.
  // Web Chat also asks every language for a 12-hour time (its skeleton "MMMMdhm"): Slovenian read "5:07 dop.". Where a
  // language writes the 24-hour clock the time is 17:07 (sl, hbs; Albanian as Kosovo and North Macedonia write it).
  function intlGlobalize(locale) {
    return {
      dateFormatter: function () {
        var format = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
        return function (date) { return format.format(date); };
      },
      relativeTimeFormatter: function (unit) {
        var format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
        return function (value) { return format.format(value, unit); };
      },
      plural: function (count) { return new Intl.PluralRules(locale).select(count); },
      unitFormatter: function (unit, options) {
        var format = new Intl.NumberFormat(locale, { style: 'unit', unit: unit, unitDisplay: options && options.form === 'long' ? 'long' : 'short' });
        return function (value) { return format.format(value); };
      }
    };
  }

  function withIntl(set, locale) {
    var merged = Object.assign({}, set);
    try { merged.GLOBALIZE = intlGlobalize(locale); } catch (e) { /* no Intl: Web Chat's own (English) formats */ }
    return merged;
  }

  // Web Chat ships no Albanian, Bosnian or neutral Serbian-Croatian set; complete sets come from chat-strings.js.
  // hbs-Latn keeps the locale hr-HR the bot already knows as Latin; its strings and dates never come from hr-HR.
  // English (en-US) and Arabic keep Web Chat's 12-hour times, as they write them.
  // words: the page's own (chat-strings.js), e.g. the line when the chat cannot start or send (Web Chat is not there).
  var languages = {
    sl: { locale: 'sl-SI', dir: 'ltr', button: 'sl', strings: withIntl(strings.sl, 'sl'), words: words.sl },
    en: { locale: 'en-US', dir: 'ltr', button: 'en', strings: strings.en, words: words.en },
    sq: { locale: 'sq-AL', dir: 'ltr', button: 'sq', strings: withIntl(strings.sq, 'sq'), words: words.sq },
    'hbs-Latn': { locale: 'hr-HR', dir: 'ltr', button: 'hbs', strings: withIntl(strings['hbs-Latn'], 'bs'), words: words['hbs-Latn'] },
    'hbs-Cyrl': { locale: 'sr-Cyrl', dir: 'ltr', button: 'hbs-Cyrl', strings: withIntl(strings['hbs-Cyrl'], 'bs-Cyrl'), words: words['hbs-Cyrl'] },
    // dir="auto" turns right-to-left only for a few exact Arabic locales, so Arabic is always given dir="rtl".
    ar: { locale: 'ar-EG', dir: 'rtl', button: 'ar', strings: strings.ar, words: words.ar }
  };
  var storageKey = 'integrationbot.webchat';
  var statusLine = document.getElementById('status');
  var current = null;   // { lang, session: { token, conversationId, userId }, directLine }
  var followTimer = null;

  // The picker's and the bot's codes to a widget language: 'hbs' and 'hbs-Latn' are Latin, 'hbs-Cyrl' Cyrillic (each
  // with a button of its own: Cyrillic was otherwise only reached by typing in Cyrillic or a ?lang=hbs-Cyrl link).
  function languageOf(code) {
    if (!code) { return null; }
    if (languages[code]) { return code; }
    var lower = String(code).toLowerCase();
    if (lower.indexOf('cyrl') >= 0) { return 'hbs-Cyrl'; }
    var primary = lower.split(/[-_]/)[0];
    if (primary === 'hbs' || primary === 'hr' || primary === 'bs' || primary === 'sr') { return 'hbs-Latn'; }
    return languages[primary] ? primary : null;
  }

  // What a reload resumes from: the tab's sessionStorage. What a new tab or the next visit resumes from: the same record
  // in localStorage, for a day after the person last wrote. A web chat person asking after hours is told a counselor will
  // answer when the office opens; they come back to the site the next morning in a new tab, and with the tab's record
  // only they got a new, empty conversation and never saw the answer. The day bounds what a shared computer shows the
  // next visitor (the server resumes a conversation for ResumeHours, default 24, after its token expired; /delete
  // removes both records at once). A browser that blocks third-party storage (private windows, third-party cookies off)
  // refuses both to this page in an iframe on another site (docs/embedding.md), and a reload there started a new
  // conversation; there the same record goes in a partitioned session cookie instead: kept for that website only, gone
  // when the browser closes (shared by its tabs), refused on plain http other than localhost.
  var cookieAttributes = '; Path=/; Secure; SameSite=None; Partitioned';
  var deviceDayMs = 24 * 60 * 60 * 1000;
  // Set once the bot marks the conversation sensitive (an emergency, violence, asylum…: the activity name below): it
  // then stays in the tab only, so the next person at a shared or a family computer who opens the site finds nothing.
  var sensitiveMark = 'sensitiveConversation';
  var tabOnly = false;

  function tabStorage() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  function deviceStorage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function readCookie() {
    var prefix = storageKey + '=';
    var found = document.cookie.split('; ').filter(function (c) { return c.indexOf(prefix) === 0; })[0];
    return found ? decodeURIComponent(found.slice(prefix.length)) : null;
  }

  // The tab's own conversation first (two tabs may hold two); else the device's, unless its day is over.
  function remembered() {
    try {
      var tab = tabStorage();
      if (!tab) { return JSON.parse(readCookie() || 'null'); }
      var own = JSON.parse(tab.getItem(storageKey) || 'null');
      if (own) { return own; }
      var device = deviceStorage();
      var kept = device && JSON.parse(device.getItem(storageKey) || 'null');
      if (kept && !(kept.until > Date.now())) {
        device.removeItem(storageKey);
        return null;
      }
      return kept;
    } catch (e) { return null; }
  }

  // Only what is needed to resume the conversation; never a message (the transcript stays on the server).
  function remember(lang, session) {
    var record = { lang: lang, token: session.token, conversationId: session.conversationId, userId: session.userId };
    try {
      var tab = tabStorage();
      if (!tab) { document.cookie = storageKey + '=' + encodeURIComponent(JSON.stringify(record)) + cookieAttributes; return; }
      tab.setItem(storageKey, JSON.stringify(record));
      var device = deviceStorage();
      if (!device) { return; }
      if (tabOnly) { device.removeItem(storageKey); return; }
      record.until = Date.now() + deviceDayMs;
      device.setItem(storageKey, JSON.stringify(record));
    } catch (e) { /* private mode: a reload starts anew */ }
  }

  function forget() {
    try { sessionStorage.removeItem(storageKey); localStorage.removeItem(storageKey); } catch (e) { /* nothing kept */ }
    try { document.cookie = storageKey + '=' + cookieAttributes + '; Max-Age=0'; } catch (e) { /* nothing kept */ }
  }

  // A new conversation, or (with the last token, even expired while the tab slept) the same one again.
  function fetchToken(lang, resume) {
    return fetch('/api/webchat/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale: languages[lang].locale, resume: resume || undefined })
    }).then(function (response) {
      if (!response.ok) { throw new Error('token ' + response.status); }
      return response.json();
    });
  }

  // The page's title (the tab, the phone's list of open pages, the first thing a screen reader says) and the language
  // bar's and the landing text's names for a screen reader, in their own language.
  function namePage(lang) {
    var chosen = languages[lang];
    document.title = chosen.words.title;
    [['.languages', 'languages'], ['#landing', 'about']].forEach(function (region) {
      var element = document.querySelector(region[0]);
      element.setAttribute('aria-label', chosen.words[region[1]]);
      element.lang = chosen.locale;
    });
  }

  // A message keeps the direction of its own text (its first letter; the bot starts Arabic with a right-to-left mark):
  // the transcript is drawn again in the new language's direction after a change, and Arabic bubbles drawn
  // left-to-right put their punctuation and list numbers at the wrong ends. Web Chat gives a message no direction of
  // its own, so its HTML is wrapped in one (Web Chat's own rendering and sanitizing inside).
  function renderMarkdown(markdown, styleOptions, options) {
    return '<div dir="auto" class="own-direction">' + keepPunctuationWithLinks(window.WebChat.renderMarkdown(markdown, styleOptions, options)) + '</div>';
  }

  // Web Chat puts a zero-width space on both sides of every link, and a line may break there: at 390 px the full
  // stop of "call the police: 113." stood alone on the next line (English and Arabic). Between a link and the
  // punctuation that closes (or opens) around it the space goes, past the bidi marks and isolates the bot puts around
  // numbers in Arabic; it is invisible and silent, so nothing else changes.
  var ZERO_WIDTH_SPACE = '(?:\u200B|&#8203;|&#x200b;|&ZeroWidthSpace;)';
  var AFTER_LINK = new RegExp('(</a>)' + ZERO_WIDTH_SPACE + '(?=[\u200E\u200F\u2066-\u2069]*[.,;:!?)\\]\u2026\u060C\u061B\u061F\u06D4])', 'gi');
  var BEFORE_LINK = new RegExp('([(\\[])' + ZERO_WIDTH_SPACE + '(?=<a[\\s>])', 'gi');
  function keepPunctuationWithLinks(html) {
    return html.replace(AFTER_LINK, '$1').replace(BEFORE_LINK, '$1');
  }

  function showLanguage(lang) {
    var chosen = languages[lang];
    namePage(lang);
    document.querySelectorAll('.languages button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === chosen.button));
    });
    document.documentElement.lang = chosen.locale;
    document.documentElement.dir = chosen.dir;
    document.body.classList.add('chatting');
    // The slim header is one scrollable row: on a phone the chosen language (Arabic at the far end, or left of the
    // start in right-to-left) was cut off or out of view. Only the row scrolls, not the page.
    var pressed = document.querySelector('.languages button[aria-pressed="true"]');
    if (pressed && pressed.scrollIntoView) { pressed.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  }

  // Renders Web Chat into a fresh element: re-rendering into the old one after a language change left a blank page.
  function mount(lang, session, resumed) {
    var chosen = languages[lang];
    if (current && current.directLine) { current.directLine.end(); }
    var directLine = window.WebChat.createDirectLine({
      token: session.token,
      conversationId: resumed ? session.conversationId : undefined,
      domain: window.location.origin + '/v3/directline',
      webSocket: true
    });
    // One message at a time, in the order sent (post-in-order.js): Accept then a question stay in that order.
    window.IntegrationBotPostInOrder(directLine);
    current = { lang: lang, session: session, directLine: directLine };
    var mine = current;
    showLanguage(lang);
    remember(lang, session);

    var old = document.getElementById('webchat');
    // A language chosen inside the chat (the bot's chooser, its offer) or /delete draws Web Chat anew: the focus fell to
    // the page's body, so typing went nowhere and a screen reader lost its place. It goes to the new send box instead.
    var focused = old.contains(document.activeElement);
    var host = document.createElement('main');
    host.id = 'webchat';
    host.setAttribute('role', 'main');
    host.setAttribute('dir', chosen.dir);
    old.parentNode.replaceChild(host, old);

    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && mine === current) { onActivity(mine, action.payload.activity); }
          // Each message sent is remembered: after /delete (the tab kept nothing) it is a conversation again, kept for a
          // reload, and it starts the device's day again.
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED' && mine === current) { remember(mine.lang, mine.session); }
          return next(action);
        };
      };
    });
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      userID: session.userId,
      locale: chosen.locale,
      dir: chosen.dir,
      overrideLocalizedStrings: chosen.strings,
      renderMarkdown: renderMarkdown,
      styleOptions: {
        bubbleMaxWidth: 640,
        hideUploadButton: true,
        suggestedActionLayout: 'carousel',
        suggestedActionHeight: 36,
        // The arrows at the row's ends sit in margins of their own (chat.css): narrower ones leave the buttons more room.
        suggestedActionsCarouselFlipperBoxWidth: 32,
        // After a question the transcript scrolls to the end unless that would take the answer's first line out of
        // view: it then stops with that line 8 px below the top. Snapping on activity stopped at the end of the answer's
        // first message instead: on a phone "Was this helpful?" after it stayed below the view, unseen, and a first
        // message taller than the screen had its start above it.
        autoScrollSnapOnPage: true,
        autoScrollSnapOnPageOffset: -8
      }
    }, host);
    if (focused) { focusSendBox(host, 0); }
    // /delete: watched on Direct Line itself, not in Web Chat's store. The confirmation replies to the "yes", which is
    // erased before the page receives it, and Web Chat holds such a reply back until that message arrives (5 s): the
    // erased conversation stayed on screen meanwhile. (First in a fresh view: the confirmation is all that is left.)
    var arrived = 0;
    // Each with an error handler: a redraw ends the old Direct Line, which then errors "conversation ended" to every
    // subscriber, and one without a handler made that an uncaught error on the page.
    directLine.activity$.subscribe(function (activity) {
      var first = arrived === 0;
      arrived += 1;
      if (mine === current && activity.name === sensitiveMark && activity.from && activity.from.role === 'bot' && !tabOnly) {
        tabOnly = true;
        remember(mine.lang, mine.session);
      }
      if (!first && mine === current && activity.name === 'conversationErased' && activity.from && activity.from.role === 'bot') {
        setTimeout(erased, 0);
      }
    }, ended);
    directLine.connectionStatus$.subscribe(function (status) {
      // 4 = ExpiredToken: the tab slept past the token's lifetime; carry on in the same conversation with a new one.
      if (status === 4 && mine === current) { renew(lang); }
    }, ended);
    window.integrationBotDirectLine = directLine;
  }

  // An ended Direct Line (replaced by a redraw) is expected; the current one's failures are Web Chat's to show.
  function ended() { }

  // As Web Chat itself does after a tapped button: read-only while it takes the focus, so that a phone does not open
  // its keyboard unasked. The send box comes with Web Chat's first render; a few frames at most.
  function focusSendBox(host, frames) {
    var input = host.querySelector('[data-id=webchat-sendbox-input]');
    if (!input) {
      if (frames < 120) { requestAnimationFrame(function () { focusSendBox(host, frames + 1); }); }
      return;
    }
    var readOnly = input.readOnly;
    input.readOnly = true;
    input.focus();
    input.readOnly = readOnly;
  }

  function onActivity(mine, activity) {
    if (!activity.from || activity.from.role !== 'bot' || activity.name === 'conversationErased') { return; }

    var lang = languageOf(activity.locale);
    if (!lang) { return; }
    mine.botLang = lang;
    // A reload replays the whole conversation: follow the last language the bot spoke, once the replay has settled.
    clearTimeout(followTimer);
    followTimer = setTimeout(function () {
      if (mine === current && mine.botLang && mine.botLang !== mine.lang) { mount(mine.botLang, mine.session, true); }
    }, 300);
  }

  function erased() {
    if (current) { mount(current.lang, current.session, true); }
    // After the fresh view: the browser keeps nothing of the erased conversation, and a reload now starts anew. The
    // person may write on in this view (the bot says a new message starts anew); that is remembered again once posted.
    forget();
    tabOnly = false;
  }

  function renew(lang) {
    fetchToken(lang, current && current.session.token).then(function (t) {
      mount(lang, { token: t.token, conversationId: t.conversationId, userId: t.userId }, t.resumed);
    }).catch(function () { unavailable(lang); });
  }

  // In the person's language: the chat may not have started, so the page says it, not the bot.
  function unavailable(lang) {
    var chosen = languages[lang] || languages.en;
    statusLine.textContent = chosen.words.unavailable;
    statusLine.lang = chosen.locale;
    statusLine.dir = chosen.dir;
  }

  function start(lang, resume) {
    statusLine.textContent = '';
    fetchToken(lang, resume).then(function (t) {
      mount(lang, { token: t.token, conversationId: t.conversationId, userId: t.userId }, t.resumed);
      // Coming back to an earlier conversation: the bot shows the person's plan ("My first steps") if they have one.
      if (t.resumed) {
        current.directLine.postActivity({ type: 'event', name: 'webchat/join', from: { id: t.userId, role: 'user' } })
          .subscribe({ error: function () { /* the plan is also one tap away in the menu */ } });
      }
    }).catch(function () { unavailable(lang); });
  }

  // The header: before the chat it starts it; during the chat it asks the bot, and the widget follows the bot's reply.
  function choose(code) {
    var lang = languageOf(code);
    if (!current) { start(lang); return; }
    if (languages[current.lang].button === languages[lang].button) { return; }
    current.directLine.postActivity({ type: 'event', name: 'setLanguage', value: lang, from: { id: current.session.userId, role: 'user' } })
      .subscribe({ error: function () { unavailable(current.lang); } });
  }

  // Web Chat moves the focus along the suggested actions in their order, whatever the direction: in Arabic, where the
  // row runs right to left, the left arrow key went to the button on the right. Turned round before Web Chat sees it;
  // focusing the button is what Web Chat's own keys do (it then makes that button the row's tab stop).
  document.addEventListener('keydown', function (event) {
    var button = event.target.closest && event.target.closest('.webchat__suggested-action');
    if ((event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') || !button || getComputedStyle(button).direction !== 'rtl') { return; }
    var row = Array.prototype.slice.call(button.closest('.webchat__suggested-actions').querySelectorAll('.webchat__suggested-action'));
    var step = event.key === 'ArrowLeft' ? 1 : row.length - 1;
    event.preventDefault();
    event.stopPropagation();
    row[(row.indexOf(button) + step) % row.length].focus();
  }, true);

  document.querySelectorAll('.languages button').forEach(function (button) {
    button.addEventListener('click', function () { choose(button.getAttribute('data-lang')); });
  });

  // Before a choice the page is named in the browser's language if it is one of ours (index.html: English).
  var preferred = (navigator.languages || [navigator.language]).map(languageOf).filter(Boolean)[0];
  if (preferred) { namePage(preferred); }
  // A link such as /?lang=ar opens the chat straight in that language (for the municipality's language pages);
  // a reload continues the conversation of this tab, a new tab within a day the last one on this device.
  var requested = languageOf(new URLSearchParams(window.location.search).get('lang'));
  var saved = remembered();
  if (saved && languages[saved.lang]) {
    start(saved.lang, saved.token);
  } else if (requested) {
    start(requested);
  }
}());
