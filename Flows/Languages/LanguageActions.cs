using IntegrationBot.Flows.Actions;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Languages;

/// <summary>The language buttons: choose one, show them all again, and the switch question's yes and no.</summary>
public sealed class LanguageActions(LanguageChoice choice, LanguageSwitchDialog switchQuestion, MenuFlow menu) : IFlowActions
{
    public IReadOnlyDictionary<string, FlowActionHandler> Handlers { get; } = new Dictionary<string, FlowActionHandler>
    {
        // One button stands for Bosnian, Croatian and Serbian: the app's language (Telegram's language_code, Viber's
        // phone language) picks the script, as it does when a chat opens (LanguageChoice.IsCyrillicLocale).
        [FlowActions.Language] = (turn, language, ct) => Language.Parse(language) is { } parsed
            ? choice.ChooseAsync(turn, parsed, ct, cyrillic: turn.Context.Activity.Locale is { } locale
                && LanguageChoice.LanguageOfLocale(locale) == Language.Bcs && LanguageChoice.IsCyrillicLocale(locale))
            : menu.ShowMenuAsync(turn, ct),
        [FlowActions.ChangeLanguage] = (turn, _, ct) => choice.ShowLanguagesAsync(turn, ct),

        // The switch question's dialog takes its own yes and no; these answer the buttons of a question asked before
        // it was a dialog (kept in older stored state), whose question text is no longer known: the menu follows.
        [FlowActions.SwitchYes] = (turn, target, ct) => Language.Parse(target) is { } parsed
            ? switchQuestion.SwitchAsync(turn, parsed, null, ct)
            : menu.ShowMenuAsync(turn, ct),
        [FlowActions.SwitchNo] = (turn, target, ct) => Language.Parse(target) is { } parsed
            ? switchQuestion.KeepAsync(turn, parsed, null, ct)
            : menu.ShowMenuAsync(turn, ct),
    };
}
