using System.Globalization;
using System.Text;
using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.Languages;
using IntegrationBot.Flows.State;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Flows.Input;

/// <summary>
/// Screens every user message before the flows see it: no text (a sticker, photo or empty message), too long, or only
/// emoji get a polite answer and nothing else happens; control characters are removed from the rest. Two exceptions,
/// because a person in trouble writes their whole story: a message over the limit is still read for danger and still
/// goes to a counselor the person is waiting for or talking to, and emoji alone go to the counselor they talk to.
/// </summary>
public sealed class InputGuardMiddleware(FlowState state, Localizer localizer, KnowledgeEngine engine, IOptions<InputOptions> options) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            await next(cancellationToken);
            return;
        }

        var max = options.Value.MaxMessageLength;
        var text = activity.Text ?? string.Empty;
        var data = await state.Conversation.GetOrDefaultAsync(turnContext, cancellationToken) ?? new ConversationData();
        var overLimit = text.Length > max;
        // Over the limit, a message is still read this far (Viber allows 7,000 characters, a web chat body 256 KB):
        // longer ones are refused unread. The engine reads as far for danger (configured from the same setting).
        var cleaned = text.Length <= options.Value.MaxReadLength ? Clean(text) : string.Empty;

        // A picture, file or voice message to the counselor the person talks to: the console cannot show it, so the
        // counselor is told one came (with its caption) and the person is asked for words. Refused, it reached nobody.
        var unshown = data.Handoff == HandoffPhase.WithCounselor && !overLimit && HasNonTextContent(activity);
        if (unshown)
        {
            cleaned = cleaned.Length > 0 ? cleaned + "\n" + UnshownMarker : UnshownMarker;
        }
        var refusal = overLimit
            ? (cleaned.Length > 0 && (CounselorFlow.IsOpen(data) || IsDanger(turnContext, cleaned, data)) ? null : "input.tooLong")
            : cleaned.Length > 0 ? null
            : HasNonTextContent(activity) ? "input.nonText"
            : "input.empty";

        if (refusal is null && IsOnlyEmoji(cleaned) && !IsOfferedButton(cleaned, data) && data.Handoff != HandoffPhase.WithCounselor)
        {
            refusal = "input.onlyEmoji";
        }

        if (refusal is not null)
        {
            var args = new Dictionary<string, string> { ["max"] = max.ToString(CultureInfo.InvariantCulture) };
            await turnContext.SendActivityAsync(localizer.Say(FlowState.VoiceOf(WithLanguageGuess(data, activity, cleaned, turnContext)), refusal, args), cancellationToken);
            return;
        }

        if (unshown)
        {
            await turnContext.SendActivityAsync(localizer.Say(FlowState.VoiceOf(data), "input.nonTextToCounselor"), cancellationToken);
        }

        CleanText.Set(turnContext, cleaned);
        await next(cancellationToken);
    }

    /// <summary>What the counselor reads where the person sent a picture, a file or a voice message (the console's
    /// language is English).</summary>
    public const string UnshownMarker = "[The person sent a picture, file or voice message; the console cannot show it. They were asked to write it in words.]";

    // The same reading the relay and the emergency answer use later in the turn (kept for the turn, not asked twice).
    private bool IsDanger(ITurnContext turnContext, string text, ConversationData data) =>
        KnowledgeReading.Ask(turnContext, engine, text, data.Language).Decision == Decision.Emergency;

    /// <summary>A first message refused before any language was chosen is answered in the language of the person's
    /// app (the locale Telegram and Viber send) or, failing that, of the text when the engine read it.</summary>
    private static ConversationData WithLanguageGuess(ConversationData data, Activity activity, string text, ITurnContext turnContext) =>
        data.Language is not null ? data
        : LanguageChoice.LanguageOfLocale(activity.Locale) is { } fromLocale ? data with { Language = fromLocale, Cyrillic = activity.Locale is { } l && LanguageChoice.IsCyrillicLocale(l) }
        : text.Length > 0 && KnowledgeReading.Peek(turnContext, text) is { LanguageConfidence: >= 0.9 } reading ? data with { Language = reading.Language }
        : data;

    /// <summary>Where the cleaned text of the message is kept for the rest of the turn.</summary>
    private static readonly TurnStateKey<string> CleanText = new("flows.cleanText");

    /// <summary>
    /// The message text as cleaned by this guard; cleaned here once when the guard did not run in this turn (a proactive
    /// turn, a host without the guard), then kept for the rest of the turn.
    /// </summary>
    public static string CleanTextOf(ITurnContext turnContext)
    {
        if (CleanText.Get(turnContext) is { } cleaned)
        {
            return cleaned;
        }

        cleaned = Clean(turnContext.Activity.Text ?? string.Empty);
        CleanText.Set(turnContext, cleaned);
        return cleaned;
    }

    /// <summary>The message text without control characters (line breaks kept), trimmed.</summary>
    public static string Clean(string text)
    {
        // Almost every message is clean already: then it is only trimmed, without copying it character by character.
        var first = 0;
        while (first < text.Length && KeptAsIs(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text.Trim();
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (KeptAsIs(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static bool KeptAsIs(char c) =>
        c == '\n' || (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format) || c == '\u200D';

    /// <summary>True when the text has no letter or digit at all (emoji, symbols, punctuation).</summary>
    public static bool IsOnlyEmoji(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]) || text[i] == '/')
            {
                return false;
            }
        }

        return true;
    }

    // "👍" alone answers the "was this helpful" buttons, whose titles start with it.
    private static bool IsOfferedButton(string text, ConversationData data) =>
        data.Offered.Any(o => o.Title.StartsWith(text, StringComparison.Ordinal));

    private static bool HasNonTextContent(Activity activity) =>
        activity.Attachments is { Count: > 0 }
        || activity.ChannelData is { ValueKind: JsonValueKind.Object } channelData && channelData.TryGetProperty("nonText", out _);
}
