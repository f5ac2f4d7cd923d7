using System.Collections.Concurrent;
using System.Globalization;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.State;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Knowledge.Text;
using Microsoft.Extensions.Options;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Flows;

/// <summary>Greeting, language choice and switching, the privacy notice, and routing a typed question to the knowledge base.</summary>
public sealed class FirstContactFlow(
    Localizer localizer,
    KnowledgeEngine engine,
    MenuFlow menu,
    QuestionFlow questions,
    CounselorFlow counselor,
    IOptions<FlowOptions> flowOptions,
    IOptions<PrivacyOptions> privacyOptions)
{
    private const int MaxComparableTitles = 8192;
    private static readonly ConcurrentDictionary<string, string> ComparableTitles = new(StringComparer.Ordinal);

    /// <summary>A new conversation: a web chat locale picks the language at once; otherwise the five-language greeting.</summary>
    public async Task OnConversationStartAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Data.Language is not null)
        {
            return;
        }

        var locale = turn.Context.Activity.Locale;
        if (LanguageOfLocale(locale) is { } language)
        {
            // A page opened in Cyrillic (sr-Cyrl, bs-Cyrl, hbs-Cyrl) is answered in Cyrillic from the first message:
            // the widget follows the bot's script, so a Latin notice turned the Cyrillic page Latin.
            var cyrillic = language == Language.Bcs && locale!.Contains("-Cyrl", StringComparison.OrdinalIgnoreCase);
            turn.Data = turn.Data with { Language = language, Cyrillic = cyrillic, Greeted = true };
            await ShowPrivacyAsync(turn, cancellationToken);
            return;
        }

        if (!turn.Data.Greeted)
        {
            await ShowLanguagesAsync(turn, cancellationToken);
        }
    }

    /// <summary>All five welcome lines at once, with one button per language.</summary>
    public async Task ShowLanguagesAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var lines = Language.All.Select(l => Localizer.Render(new Voice(l), localizer.Get(l, "language.welcomeLine")));
        var buttons = Language.All.Select(l => new OfferedAction(localizer.Get(l, "language.name"), FlowActions.Language, l)).ToList();
        turn.Data = turn.Data with { Greeted = true };
        await turn.SendAsync(string.Join("\n", lines), buttons, cancellationToken);
    }

    public Task ShowPrivacyAsync(FlowTurn turn, CancellationToken cancellationToken) =>
        turn.SayAsync("privacy.notice", RetentionArgs(), CounselorFlow.PrivacyButtons(turn), cancellationToken);

    /// <summary>The button the person pressed (or typed): the message equals one of the titles under the last message.</summary>
    public OfferedAction? FindOffered(FlowTurn turn)
    {
        var offered = turn.Data.Offered;
        if (offered.Count == 0)
        {
            return null;
        }

        var text = Comparable(turn.Text);
        if (text.Length == 0)
        {
            return null;
        }

        foreach (var action in offered)
        {
            if (ComparableTitle(action.Title) == text)
            {
                return action;
            }
        }

        foreach (var action in offered)
        {
            if (action.Title.StartsWith(turn.Text, StringComparison.Ordinal) && InputEmojiOnly(turn.Text))
            {
                return action;
            }
        }

        return PrivacyChoiceTyped(turn, text);
    }

    /// <summary>
    /// Accept or Decline while the choice is still open, even when other buttons came since: a question typed right
    /// after pressing Accept can reach the bot first (two requests on a busy server), and its answer's buttons then
    /// replace the notice's.
    /// </summary>
    private static OfferedAction? PrivacyChoiceTyped(FlowTurn turn, string text)
    {
        if (turn.Data.Privacy != PrivacyChoice.Unanswered)
        {
            return null;
        }

        OfferedAction[] choices = [turn.Button("privacy.accept", FlowActions.PrivacyAccept), turn.Button("privacy.decline", FlowActions.PrivacyDecline)];
        return choices.FirstOrDefault(choice => ComparableTitle(choice.Title) == text);
    }

    public async Task RunActionAsync(FlowTurn turn, OfferedAction pressed, CancellationToken cancellationToken)
    {
        switch (pressed.Action)
        {
            case FlowActions.Language when Language.Parse(pressed.Argument) is { } language:
                await ChooseLanguageAsync(turn, language, cancellationToken);
                break;
            case FlowActions.ChangeLanguage:
                await ShowLanguagesAsync(turn, cancellationToken);
                break;
            case FlowActions.Privacy:
                await ShowPrivacyAsync(turn, cancellationToken);
                break;
            case FlowActions.PrivacyMore:
                await turn.SayAsync("privacy.more", RetentionArgs(),
                    [turn.Button("privacy.accept", FlowActions.PrivacyAccept), turn.Button("privacy.decline", FlowActions.PrivacyDecline)], cancellationToken);
                break;
            case FlowActions.PrivacyAccept:
                await AcceptPrivacyAsync(turn, cancellationToken);
                break;
            case FlowActions.PrivacyDecline:
                turn.Data = turn.Data with { Privacy = PrivacyChoice.Declined, PendingHandoffReason = null };
                await turn.SayAsync("privacy.declined", menu.MenuButtons(turn), cancellationToken);
                break;
            case FlowActions.SwitchYes when turn.Data.PendingSwitchLanguage is { } target:
                var question = turn.Data.PendingSwitchQuestion;
                turn.Data = turn.Data with { Language = target, PendingSwitchLanguage = null, PendingSwitchQuestion = null };
                await turn.SayAsync("language.chosen", cancellationToken: cancellationToken);
                await AnswerPendingAsync(turn, question, cancellationToken);
                break;
            case FlowActions.SwitchNo:
                var pending = turn.Data.PendingSwitchQuestion;
                turn.Data = turn.Data with
                {
                    DeclinedSwitches = [.. turn.Data.DeclinedSwitches, turn.Data.PendingSwitchLanguage ?? string.Empty],
                    PendingSwitchLanguage = null,
                    PendingSwitchQuestion = null,
                };
                await AnswerPendingAsync(turn, pending, cancellationToken);
                break;
            default:
                await menu.ShowMenuAsync(turn, cancellationToken);
                break;
        }
    }

    /// <summary>A typed message that is not a command or button: a question (which may also choose or switch the language).</summary>
    public async Task OnQuestionAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var text = turn.Text;
        if (turn.Data.Language is null)
        {
            // Someone who asks straight away gets an answer in their language, plus a way to change it; never a forced menu.
            var seed = LanguageOfLocale(turn.Context.Activity.Locale);
            var first = engine.Ask(text, null, seed);
            if (IsUncertainGreeting(first, seed))
            {
                // "Zdravo" is Slovenian and Bosnian alike: a guess would greet a Bosnian in Slovenian, and a menu sent
                // after the language buttons hides them (Web Chat shows only the last message's buttons).
                await ShowLanguagesAsync(turn, cancellationToken);
                return;
            }

            turn.Data = turn.Data with { Language = first.Language, Cyrillic = HasCyrillic(text), Greeted = true };
            await questions.AnswerAsync(turn, first, [turn.Button("language.changeButton", FlowActions.ChangeLanguage)], cancellationToken);
            return;
        }

        UpdateScript(turn, text);
        var result = engine.Ask(text, null, turn.Language);
        if (ShouldAskToSwitch(turn, result, text))
        {
            await AskToSwitchAsync(turn, result.Language, text, cancellationToken);
            return;
        }

        await questions.AnswerAsync(turn, result, null, cancellationToken);
    }

    private static bool IsUncertainGreeting(KnowledgeResult first, string? seed) =>
        first.Decision == Decision.Greeting && first.SmallTalkLanguages.Count > 1 && (seed is null || !first.SmallTalkLanguages.Contains(seed));

    /// <summary>The language a client's locale names (e.g. ar-EG, sl-SI, hr-HR), or null.</summary>
    public static string? LanguageOfLocale(string? locale)
    {
        var primary = locale?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary switch
        {
            "sl" or "en" or "sq" or "ar" => primary,
            "hr" or "bs" or "sr" or "sh" or "cnr" or "hbs" => Language.Bcs,
            _ => null,
        };
    }

    /// <summary>The web chat widget's own language menu (a <c>setLanguage</c> event with a locale such as <c>ar</c> or <c>hbs-Cyrl</c>).</summary>
    public async Task SetLanguageAsync(FlowTurn turn, string? locale, CancellationToken cancellationToken)
    {
        if (LanguageOfLocale(locale) is { } language)
        {
            await ChooseLanguageAsync(turn, language, cancellationToken, cyrillic: locale!.EndsWith("-Cyrl", StringComparison.OrdinalIgnoreCase));
        }
    }

    private async Task ChooseLanguageAsync(FlowTurn turn, string language, CancellationToken cancellationToken, bool cyrillic = false)
    {
        turn.Data = turn.Data with { Language = language, Cyrillic = cyrillic && language == Language.Bcs, PendingSwitchLanguage = null, PendingSwitchQuestion = null };
        if (turn.Data.Privacy == PrivacyChoice.Unanswered)
        {
            await ShowPrivacyAsync(turn, cancellationToken);
            return;
        }

        await turn.SayAsync("language.chosen", menu.MenuButtons(turn), cancellationToken);
    }

    private async Task AcceptPrivacyAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var pending = turn.Data.PendingHandoffReason;
        turn.Data = turn.Data with { Privacy = PrivacyChoice.Accepted, PendingHandoffReason = null };
        if (Enum.TryParse<HandoffReason>(pending, out var reason))
        {
            await counselor.RequestAsync(turn, reason, cancellationToken);
            return;
        }

        await turn.SayAsync("privacy.accepted", cancellationToken: cancellationToken);
        await menu.ShowMenuAsync(turn, cancellationToken);
    }

    private bool ShouldAskToSwitch(FlowTurn turn, KnowledgeResult result, string text) =>
        result.Language != turn.Language
        && result.Decision is not (Decision.Emergency or Decision.Greeting or Decision.Thanks)
        && result.LanguageConfidence >= flowOptions.Value.SwitchConfidence
        && !turn.Data.DeclinedSwitches.Contains(result.Language)
        && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2;

    private async Task AskToSwitchAsync(FlowTurn turn, string target, string question, CancellationToken cancellationToken)
    {
        // Asked in the language the person just wrote in, since that is the one they read best.
        var voice = new Voice(target, target == Language.Bcs && HasCyrillic(question));
        var args = new Dictionary<string, string>
        {
            ["language"] = LatinName(target),
            ["current"] = LatinName(turn.Language),
        };
        turn.Data = turn.Data with { PendingSwitchLanguage = target, PendingSwitchQuestion = question };
        await turn.SendAsync(localizer.Say(voice, "language.switchQuestion", args),
        [
            new OfferedAction(Localizer.RenderTitle(voice, localizer.Get(target, "language.switchYes")), FlowActions.SwitchYes, target),
            new OfferedAction(Localizer.RenderTitle(voice, localizer.Get(target, "language.switchNo", args)), FlowActions.SwitchNo, target),
        ], cancellationToken);
    }

    // A language's own name ("English", "Shqip") stays as the person sees it on the language buttons, also when the
    // question is written to a Cyrillic writer; only the BCS name itself may be written in Cyrillic.
    private string LatinName(string language) =>
        language == Language.Bcs ? localizer.Get(language, "language.name") : $"[[{localizer.Get(language, "language.name")}]]";

    private async Task AnswerPendingAsync(FlowTurn turn, string? question, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            await menu.ShowMenuAsync(turn, cancellationToken);
            return;
        }

        UpdateScript(turn, question);
        await questions.AnswerAsync(turn, engine.Ask(question, turn.Language), null, cancellationToken);
    }

    private static void UpdateScript(FlowTurn turn, string text)
    {
        if (HasCyrillic(text))
        {
            turn.Data = turn.Data with { Cyrillic = true };
        }
        else if (text.Any(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z'))
        {
            turn.Data = turn.Data with { Cyrillic = false };
        }
    }

    private static string Comparable(string text) => TextNormalizer.Fold(BidiText.Strip(text)).Trim();

    // Button titles come from the string tables and the topic titles, a few hundred in all, and are compared on every
    // message that might be a button press: each is folded once per process.
    private static string ComparableTitle(string title)
    {
        if (ComparableTitles.TryGetValue(title, out var comparable))
        {
            return comparable;
        }

        comparable = Comparable(title);
        if (ComparableTitles.Count < MaxComparableTitles)
        {
            ComparableTitles.TryAdd(title, comparable);
        }

        return comparable;
    }

    private static bool HasCyrillic(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF');

    private static bool InputEmojiOnly(string text) => Input.InputGuardMiddleware.IsOnlyEmoji(text);

    private Dictionary<string, string> RetentionArgs() =>
        new() { ["retentionDays"] = privacyOptions.Value.RetentionDays.ToString(CultureInfo.InvariantCulture) };
}
