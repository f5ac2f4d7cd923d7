using System.Collections.Concurrent;
using IntegrationBot.Flows.Languages;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Privacy;
using IntegrationBot.Flows.State;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows.Input;

/// <summary>Which button a message means: the pressed title (or a typed one) among the buttons under the bot's last message.</summary>
public static class ButtonMatcher
{
    private const int MaxComparableTitles = 8192;
    private static readonly ConcurrentDictionary<string, string> ComparableTitles = new(StringComparer.Ordinal);

    /// <summary>The button the person pressed (or typed): the message equals one of the titles under the last message.</summary>
    public static OfferedAction? Find(FlowTurn turn)
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

        // Folded, the Latin and the Cyrillic Bosnian/Croatian/Serbian buttons of the language chooser are one title: the
        // one in the message's script is meant.
        var cyrillic = WritingScript.HasCyrillic(turn.Text);
        OfferedAction? inOtherScript = null;
        foreach (var action in offered)
        {
            if (ComparableTitle(action.Title) != text)
            {
                continue;
            }

            if (WritingScript.HasCyrillic(action.Title) == cyrillic)
            {
                return action;
            }

            inOtherScript ??= action;
        }

        if (inOtherScript is not null)
        {
            return inOtherScript;
        }

        foreach (var action in offered)
        {
            if (action.Title.StartsWith(turn.Text, StringComparison.Ordinal) && InputGuardMiddleware.IsOnlyEmoji(turn.Text))
            {
                return action;
            }
        }

        return PrivacyChoiceTyped(turn, text);
    }

    /// <summary>The button under the bot's last message whose title <paramref name="text"/> is, read with the conversation's
    /// data from before its turn (as <see cref="IsOfferedTitle"/>); null when none.</summary>
    public static OfferedAction? OfferedWithTitle(ConversationData data, string text) => OfferedWithComparable(data, Comparable(text));

    /// <summary>
    /// Whether a message is a button's title rather than the person's own words, read with the conversation's data from
    /// before its turn (as <see cref="Find"/> reads it): a title under the bot's last message, or one of the privacy
    /// notice's while its choice is open. The transcript keeps the difference for the counselors' queue.
    /// </summary>
    public static bool IsOfferedTitle(ConversationData data, string text, Localizer localizer)
    {
        var comparable = Comparable(text);
        if (comparable.Length == 0)
        {
            return false;
        }

        return OfferedWithComparable(data, comparable) is not null
            || (data.Privacy == PrivacyChoice.Unanswered
                && PrivacyNotice.Buttons(localizer, FlowState.VoiceOf(data)).Any(choice => ComparableTitle(choice.Title) == comparable));
    }

    private static OfferedAction? OfferedWithComparable(ConversationData data, string comparable) =>
        comparable.Length == 0 ? null : data.Offered.FirstOrDefault(action => ComparableTitle(action.Title) == comparable);

    /// <summary>
    /// The notice's buttons (Accept, Read more, Decline, Change language) while the choice is still open, even when other
    /// buttons came since: a question typed right after pressing Accept can reach the bot first (two requests on a busy
    /// server), and its answer's buttons then replace the notice's (Telegram still shows them).
    /// </summary>
    private static OfferedAction? PrivacyChoiceTyped(FlowTurn turn, string text)
    {
        if (turn.Data.Privacy != PrivacyChoice.Unanswered)
        {
            return null;
        }

        return PrivacyNotice.Buttons(turn).FirstOrDefault(choice => ComparableTitle(choice.Title) == text);
    }

    private static string Comparable(string text) => TextNormalizer.Fold(BidiText.Strip(text)).Trim();

    // Button titles come from the string tables and the topic titles, a few hundred in all, and are compared on every
    // message that might be a button press: each is folded once per process.
    internal static string ComparableTitle(string title)
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
}
