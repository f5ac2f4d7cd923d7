// Web Chat's own strings (overrideLocalizedStrings) for the languages it has no complete set for. Filled in below.
window.IntegrationBotWidgetStrings = {
  sq: { TEXT_INPUT_PLACEHOLDER: 'Shkruani mesazhin tuaj', TEXT_INPUT_SEND_BUTTON_ALT: 'Dërgo' },
  'hbs-Latn': { TEXT_INPUT_PLACEHOLDER: 'Napišite poruku', TEXT_INPUT_SEND_BUTTON_ALT: 'Pošalji' },
  'hbs-Cyrl': { TEXT_INPUT_PLACEHOLDER: 'Напишите поруку', TEXT_INPUT_SEND_BUTTON_ALT: 'Пошаљи' },
  ar: {}
};
