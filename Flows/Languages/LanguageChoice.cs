using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Flows.Privacy;
using IntegrationBot.Flows.State;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Languages;

/// <summary>The greeting with one button per language, and choosing a language (a button, the web chat's locale or its menu).</summary>
public sealed class LanguageChoice(Localizer localizer, MenuFlow menu, PrivacyNotice privacy, CounselorFlow counselor)
{
    private const char FirstStrongIsolate = '\u2068';

    /// <summary>A new conversation: a web chat locale picks the language at once; otherwise the five-language greeting.
    /// A person the conversation knows gets their own language again.</summary>
    public async Task OnConversationStartAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Data.Language is not null)
        {
            await WelcomeBackAsync(turn, cancellationToken);
            return;
        }

        var locale = turn.Context.Activity.Locale;
        if (LanguageOfLocale(locale) is { } language)
        {
            // A page opened in Cyrillic (sr-Cyrl, bs-Cyrl, hbs-Cyrl) is answered in Cyrillic from the first message:
            // the widget follows the bot's script, so a Latin notice turned the Cyrillic page Latin.
            var cyrillic = language == Language.Bcs && IsCyrillicLocale(locale!);
            // Only a locale that names the script is the person's choice (the page's "Ћирилица"); "sr" is a likely script.
            var chosen = cyrillic && locale!.EndsWith("-Cyrl", StringComparison.OrdinalIgnoreCase);
            turn.Data = turn.Data with { Language = language, Cyrillic = cyrillic, CyrillicChosen = chosen, Greeted = true };
            await privacy.ShowInGuessedLanguageAsync(turn, cancellationToken);
            return;
        }

        if (!turn.Data.Greeted)
        {
            await ShowLanguagesAsync(turn, cancellationToken);
        }
    }

    /// <summary>
    /// The conversation opens again (Viber announces every opening; web chat only its first): the open privacy question,
    /// or a greeting with the menu. One message: after an unsubscribe, the answer to Viber's <c>conversation_started</c>
    /// is the only one Viber lets the bot send until the person subscribes again.
    /// </summary>
    private Task WelcomeBackAsync(FlowTurn turn, CancellationToken cancellationToken) =>
        turn.Data.Privacy == PrivacyChoice.Unanswered
            ? privacy.ShowInGuessedLanguageAsync(turn, cancellationToken)
            : turn.SayAsync("greeting.reply", menu.MenuButtons(turn), cancellationToken);

    /// <summary>All five welcome lines at once, with the chooser's buttons (<see cref="LanguageChooser"/>).</summary>
    public async Task ShowLanguagesAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        // Each line isolated in its own direction (first strong isolate): the chat shows them in one bubble, left to
        // right or right to left, and a line's final colon otherwise took the bubble's direction (":Izberite jezik").
        var lines = Language.All.Select(l => FirstStrongIsolate + Localizer.Render(new Voice(l), localizer.Get(l, "language.welcomeLine")) + BidiText.PopDirectionalIsolate);
        turn.Data = turn.Data with { Greeted = true };
        await turn.SendAsync(string.Join("\n", lines), LanguageChooser.Buttons(localizer), cancellationToken);
    }

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

    /// <summary>
    /// Whether a locale means Cyrillic: its script when it names one, else its likely script (Unicode CLDR likely
    /// subtags): Serbian is Cyrillic (sr, sr-RS, sr-BA → sr-Cyrl) except in Montenegro (sr-ME → sr-Latn). Viber gives
    /// the phone's language without a script, and a Serbian phone was greeted in Latin.
    /// </summary>
    public static bool IsCyrillicLocale(string locale)
    {
        var parts = locale.Split('-', '_');
        if (parts.Skip(1).FirstOrDefault(p => p.Length == 4) is { } script)
        {
            return script.Equals("Cyrl", StringComparison.OrdinalIgnoreCase);
        }

        return parts[0].Equals("sr", StringComparison.OrdinalIgnoreCase)
            && !(parts.Length > 1 && parts[1].Equals("ME", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The web chat widget's own language menu (a <c>setLanguage</c> event with a locale such as <c>ar</c> or <c>hbs-Cyrl</c>).</summary>
    public async Task SetLanguageAsync(FlowTurn turn, string? locale, CancellationToken cancellationToken)
    {
        if (LanguageOfLocale(locale) is { } language)
        {
            await ChooseAsync(turn, language, cancellationToken, cyrillic: locale!.EndsWith("-Cyrl", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The person chose <paramref name="language"/>: the privacy notice while it is unanswered, otherwise the menu.</summary>
    public async Task ChooseAsync(FlowTurn turn, string language, CancellationToken cancellationToken, bool cyrillic = false)
    {
        // A switch question still open is settled by the choice.
        await LanguageSwitchDialog.DropAsync(turn.Dialogs, cancellationToken);
        turn.Data = turn.Data with { Language = language, Cyrillic = cyrillic && language == Language.Bcs, CyrillicChosen = cyrillic && language == Language.Bcs };
        await counselor.LanguageChangedAsync(turn, cancellationToken);
        if (turn.Data.Privacy == PrivacyChoice.Unanswered)
        {
            await privacy.ShowAsync(turn, cancellationToken);
            return;
        }

        // The plan's questions go on in the new language. Any other question still waiting (delete, a rating) is dropped:
        // the menu shown next would otherwise be read as its answer ("I did not understand", the question again).
        if (turn.Dialogs.ActiveDialog is { Id: PlanIntakeDialog.DialogId })
        {
            await turn.SayAsync("language.chosen", cancellationToken: cancellationToken);
            await turn.Dialogs.RepromptDialogAsync(cancellationToken);
            return;
        }

        await HandoffConsentDialog.CancelOthersAsync(turn.Dialogs, cancellationToken);
        if (CounselorFlow.IsOpen(turn.Data))
        {
            // No menu: with a counselor a tapped button goes to the counselor and the bot stays silent, and a person
            // waiting reads where their request stands in the language they now read (its first message was in the old one).
            await turn.SayAsync("language.chosen", cancellationToken: cancellationToken);
            await counselor.SayStillQueuedIfWaitingAsync(turn, cancellationToken);
            return;
        }

        await turn.SayAsync("language.chosen", menu.MenuButtons(turn), cancellationToken);
    }
}
