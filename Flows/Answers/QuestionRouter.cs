using IntegrationBot.Flows.Languages;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Flows.Answers;

/// <summary>
/// A typed message that is not a command or a button: a question, which may also choose the language (the first
/// message) or raise the switch question (written confidently in another language).
/// </summary>
public sealed class QuestionRouter(KnowledgeEngine engine, QuestionFlow questions, LanguageChoice languages, IOptions<FlowOptions> options)
{
    public async Task AnswerAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var text = turn.Text;
        if (turn.Data.Language is null)
        {
            // Someone who asks straight away gets an answer in their language, plus a way to change it; never a forced menu.
            var seed = LanguageChoice.LanguageOfLocale(turn.Context.Activity.Locale);
            var first = engine.Ask(text, null, seed);
            if (IsUncertainGreeting(first, seed))
            {
                // "Zdravo" is Slovenian and Bosnian alike: a guess would greet a Bosnian in Slovenian, and a menu sent
                // after the language buttons hides them (Web Chat shows only the last message's buttons).
                await languages.ShowLanguagesAsync(turn, cancellationToken);
                return;
            }

            turn.Data = turn.Data with { Language = first.Language, Cyrillic = WritingScript.HasCyrillic(text), Greeted = true };
            await questions.AnswerAsync(turn, first, [turn.Button("language.changeButton", FlowActions.ChangeLanguage)], cancellationToken);
            return;
        }

        WritingScript.Follow(turn, text);
        var result = engine.Ask(text, null, turn.Language);
        if (result.Decision == Decision.Emergency && IsClearlyAnotherLanguage(turn, result, text) && IsInAnotherScript(turn.Language, text))
        {
            // Danger is never delayed by the switch question: the numbers come in the language it was written in, and
            // the conversation goes on in it (asking for a person next must not meet the question either). Only another
            // script is certain enough: Slovenian danger ("prijatelj se je predoziral") can read as Bosnian.
            turn.Data = turn.Data with { Language = result.Language, Cyrillic = result.Language == Language.Bcs && (WritingScript.HasCyrillic(text) || turn.Data.CyrillicChosen) };
        }
        else if (ShouldAskToSwitch(turn, result, text))
        {
            await turn.Dialogs.BeginDialogAsync(LanguageSwitchDialog.DialogId, new LanguageSwitch(result.Language, text), cancellationToken);
            return;
        }

        await questions.AnswerAsync(turn, result, null, cancellationToken);
    }

    /// <summary>
    /// While a request waits the bot still answers: a question written clearly in another language first asks, as it
    /// does outside a request, whether to go on in it (Yes moves the request too). True when it asked.
    /// </summary>
    public async Task<bool> AskToSwitchAsync(FlowTurn turn, KnowledgeResult reading, CancellationToken cancellationToken)
    {
        if (!ShouldAskToSwitch(turn, reading, turn.Text))
        {
            return false;
        }

        await turn.Dialogs.BeginDialogAsync(LanguageSwitchDialog.DialogId, new LanguageSwitch(reading.Language, turn.Text), cancellationToken);
        return true;
    }

    private static bool IsUncertainGreeting(KnowledgeResult first, string? seed) =>
        first.Decision == Decision.Greeting && first.SmallTalkLanguages.Count > 1 && (seed is null || !first.SmallTalkLanguages.Contains(seed));

    private bool ShouldAskToSwitch(FlowTurn turn, KnowledgeResult result, string text) =>
        result.Decision is not (Decision.Emergency or Decision.Greeting or Decision.Thanks)
        && IsClearlyAnotherLanguage(turn, result, text);

    private static bool IsInAnotherScript(string language, string text)
    {
        var arabic = WritingScript.HasArabic(text);
        return language switch
        {
            Language.Arabic => !arabic,
            Language.Bcs => arabic,
            _ => arabic || WritingScript.HasCyrillic(text),
        };
    }

    private bool IsClearlyAnotherLanguage(FlowTurn turn, KnowledgeResult result, string text) =>
        result.Language != turn.Language
        && result.LanguageConfidence >= options.Value.SwitchConfidence
        && !turn.Data.DeclinedSwitches.Contains(result.Language)
        && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2;
}
