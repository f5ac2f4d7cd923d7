// Web Chat's own strings (overrideLocalizedStrings) where its bundles fall short: Albanian has none, Bosnian/Serbian
// get Croatian (hr-HR) or Serbian Cyrillic, Arabic lacks screen-reader labels. Only the send box is covered so far.
// The object literal is plain JSON (quoted keys, no code) so a test reads it without a JavaScript engine.
window.IntegrationBotWidgetStrings = {
  "sq": { "TEXT_INPUT_PLACEHOLDER": "Shkruani mesazhin tuaj", "TEXT_INPUT_SEND_BUTTON_ALT": "Dërgo" },
  "hbs-Latn": { "TEXT_INPUT_PLACEHOLDER": "Napišite poruku", "TEXT_INPUT_SEND_BUTTON_ALT": "Pošalji" },
  "hbs-Cyrl": { "TEXT_INPUT_PLACEHOLDER": "Напишите поруку", "TEXT_INPUT_SEND_BUTTON_ALT": "Пошаљи" },
  "ar": {}
};
