using IntegrationBot.Flows.Actions;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Languages;

/// <summary>The language buttons: choose one, show them all again, and the switch question's yes and no.</summary>
public sealed class LanguageActions(LanguageChoice choice, LanguageSwitchDialog switchQuestion, MenuFlow menu) : IFlowActions
{
    public IReadOnlyDictionary<string, FlowActionHandler> Handlers { get; } = new Dictionary<string, FlowActionHandler>
    {
        [FlowActions.Language] = (turn, value, ct) => LanguageChooser.Read(value, turn.Context.Activity.Locale) is { } chosen
            ? choice.ChooseAsync(turn, chosen.Language, ct, chosen.Cyrillic)
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
