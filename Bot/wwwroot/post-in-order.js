// Web Chat sends each message in a request of its own, as soon as it is written. Two sent close together (a tap on
// "Accept" under the privacy notice and the question typed right after it) could reach the bot in the opposite order
// when the first was slower on its way: the question was then read as written before the consent. This makes a
// Direct Line object send one message at a time, in the order the person sent them. IntegrationBot answers a post
// once the bot has read the message, so the bot reads them in that order too. Also for a page that embeds Web Chat
// itself (docs/embedding.md): window.IntegrationBotPostInOrder(directLine) before renderWebChat.
(function () {
  'use strict';

  window.IntegrationBotPostInOrder = function (directLine) {
    var post = directLine.postActivity.bind(directLine);
    // Settles when every post so far has been answered, failed or been given up.
    var previous = Promise.resolve();

    directLine.postActivity = function (activity) {
      // Cold like Direct Line's own: nothing is sent until someone subscribes (Web Chat subscribes once).
      return {
        subscribe: function (observerOrNext, error, complete) {
          var observer = observerOrNext && typeof observerOrNext === 'object'
            ? observerOrNext
            : { next: observerOrNext, error: error, complete: complete };
          var closed = false;
          var inner = null;
          var release;
          var done = new Promise(function (resolve) { release = resolve; });
          var before = previous;
          previous = before.then(function () { return done; });

          before.then(function () {
            if (closed) { release(); return; }
            inner = post(activity).subscribe({
              // The id comes with the answer: the bot has read this message, the next one may go.
              next: function (id) { release(); if (!closed && observer.next) { observer.next(id); } },
              error: function (e) { release(); if (!closed && observer.error) { observer.error(e); } },
              complete: function () { release(); if (!closed && observer.complete) { observer.complete(); } }
            });
            if (closed) { inner.unsubscribe(); }
          });

          // Web Chat gives up on a send after its timeout; the next message then need not wait for this one.
          return { unsubscribe: function () { closed = true; release(); if (inner) { inner.unsubscribe(); } } };
        }
      };
    };

    return directLine;
  };
}());
