using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.Viber;

/// <summary>Viber callbacks → <see cref="Activity"/>, and bot activities → <c>send_message</c> bodies.</summary>
public static partial class ViberActivityMapper
{
    public const string ChannelId = "viber";
    public const int MaxTextLength = 7000;

    /// <summary>Longest user id accepted from a callback (Viber's are about 24 characters).</summary>
    public const int MaxUserIdLength = 128;
    public const int MaxSenderNameLength = 28;
    public const int MaxJsonBytes = 30 * 1024;
    private const int GridColumns = 6;

    /// <summary>A <c>message</c> callback as a message activity (non-text kinds carry <c>channelData.nonText</c>).</summary>
    public static Activity? ToActivity(ViberCallback callback, string botId)
    {
        if (callback.Event != ViberCallback.MessageEvent || callback.Sender is not { Id.Length: > 0 } sender
            || callback.Message is not { } message || callback.MessageToken is not { } token)
        {
            return null;
        }
        var isText = message.Type == "text" && !string.IsNullOrEmpty(message.Text);
        // A picture (or video) with a description is read by its words, like a Telegram caption; the marker stays.
        var words = string.IsNullOrEmpty(message.Text) ? null : message.Text;
        return Base(sender, botId, callback.Timestamp) with
        {
            Type = ActivityTypes.Message,
            Id = token.ToString(CultureInfo.InvariantCulture),
            Text = words,
            ChannelData = isText ? null : JsonSerializer.SerializeToElement(new Dictionary<string, string>
            {
                ["nonText"] = string.IsNullOrEmpty(message.Type) ? "unknown" : message.Type,
            }),
        };
    }

    /// <summary><c>conversation_started</c> as the conversationUpdate that makes the bot say its welcome.</summary>
    public static Activity? ToConversationUpdate(ViberCallback callback, string botId)
    {
        if (callback.User is not { Id.Length: > 0 } user)
        {
            return null;
        }
        var account = new ChannelAccount(user.Id!, user.Name, RoleTypes.User);
        return Base(user, botId, callback.Timestamp) with
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = callback.MessageToken?.ToString(CultureInfo.InvariantCulture),
            MembersAdded = [account],
            Name = "welcome",
        };
    }

    private static Activity Base(ViberUser user, string botId, long? timestamp) => new()
    {
        ChannelId = ChannelId,
        Timestamp = timestamp is > 0 and < 253402300799999 ? DateTimeOffset.FromUnixTimeMilliseconds(timestamp.Value) : null,
        From = new ChannelAccount(user.Id!, user.Name, RoleTypes.User),
        Recipient = new ChannelAccount(botId, null, RoleTypes.Bot),
        Conversation = new ConversationAccount(user.Id!),
        Locale = string.IsNullOrWhiteSpace(user.Language) ? null : user.Language,
    };

    /// <summary>The messages for one bot activity: text split under 7000, keyboard on the last, each JSON ≤ 30 KB.</summary>
    /// <param name="receiver">The Viber user id; null for the welcome answered in the webhook response.</param>
    public static IReadOnlyList<ViberSendMessage> ToSendMessages(Activity activity, string? receiver, string botName, int minApiVersion = 1)
    {
        if (activity.Type != ActivityTypes.Message)
        {
            return [];
        }
        var (text, actions) = Compose(activity);
        var buttons = actions.Select(ToButton).OfType<ViberButton>().ToList();
        if (text.Length == 0 && buttons.Count == 0)
        {
            return [];
        }
        var sender = new ViberSenderInfo(SenderName(botName));
        var parts = TextSplitter.Split(text.Length == 0 ? "👇" : text, MaxTextLength);
        var messages = parts.Select(p => new ViberSendMessage
        {
            Receiver = receiver, MinApiVersion = minApiVersion, Sender = sender, Text = p,
        }).ToList();
        if (buttons.Count > 0)
        {
            messages[^1] = FitKeyboard(messages[^1], buttons);
        }
        return messages;
    }

    /// <summary>The reply as the Viber messages it becomes (text over 7000 characters → several), one activity each.</summary>
    public static IReadOnlyList<Activity> SplitIntoMessages(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (text, actions) = Compose(activity);
        return ActivityParts.Split(activity, text, actions, MaxTextLength);
    }

    public static string SenderName(string botName)
    {
        var info = new StringInfo(string.IsNullOrWhiteSpace(botName) ? "Bot" : botName.Trim());
        if (info.LengthInTextElements <= MaxSenderNameLength)
        {
            return info.String;
        }
        // Cut at the limit, without leaving a dangling separator ("Starting Point – ") at the end.
        return info.SubstringByTextElements(0, MaxSenderNameLength).TrimEnd(' ', '-', '–', '—', '|', ',', ':', '·');
    }

    /// <summary>Drops trailing buttons until the whole JSON fits Viber's 30 KB limit.</summary>
    private static ViberSendMessage FitKeyboard(ViberSendMessage message, List<ViberButton> buttons)
    {
        for (var count = buttons.Count; count > 0; count--)
        {
            var candidate = message with { Keyboard = new ViberKeyboard(FillRows(buttons.Take(count).ToList())) };
            if (JsonSerializer.SerializeToUtf8Bytes(candidate, ViberJson.Options).Length <= MaxJsonBytes)
            {
                return candidate;
            }
        }
        return message;
    }

    /// <summary>Viber moves a button that does not fit its row to the next one: a half-width button not followed by
    /// another half-width one of its group would stand alone beside an empty half, so it takes the whole row. A run of
    /// scale points (1 … 5) shares one row.</summary>
    private static List<ViberButton> FillRows(List<ViberButton> buttons)
    {
        const int half = GridColumns / 2;
        for (var i = 0; i < buttons.Count; i++)
        {
            var run = buttons.Skip(i).TakeWhile(b => ButtonKinds.IsScalePoint(b.Text)).Take(GridColumns).Count();
            if (run > 1)
            {
                // Equal widths; five points leave the sixth column empty rather than widen one point.
                var width = GridColumns % run == 0 ? GridColumns / run : 1;
                for (var j = i; j < i + run; j++)
                {
                    buttons[j] = buttons[j] with { Columns = width };
                }
                i += run - 1;
                continue;
            }
            if (buttons[i].Columns != half)
            {
                continue;
            }
            if (i + 1 < buttons.Count && buttons[i + 1].Columns == half && !ButtonKinds.StartsGroup(buttons[i].Text, buttons[i + 1].Text))
            {
                i++; // the pair fills the row
                continue;
            }
            buttons[i] = buttons[i] with { Columns = GridColumns };
        }
        return buttons;
    }

    /// <summary>Short titles take half a row (two per row), long ones the full width.</summary>
    private static ViberButton? ToButton(CardAction action)
    {
        var title = string.IsNullOrWhiteSpace(action.Title) ? action.Value : action.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        var isUrl = action.Type == CardAction.OpenUrl;
        if (isUrl && !Uri.TryCreate(action.Value, UriKind.Absolute, out _))
        {
            return null;
        }
        var body = string.IsNullOrEmpty(action.Value) ? title : action.Value;
        var columns = title.Length <= 16 ? GridColumns / 2 : GridColumns;
        return new ViberButton(columns, 1, isUrl ? "open-url" : "reply", body, title);
    }

    private static (string Text, List<CardAction> Actions) Compose(Activity activity)
    {
        var sb = new StringBuilder(activity.Text ?? "");
        var actions = new List<CardAction>();
        foreach (var card in (activity.Attachments ?? []).Select(a => a.AsHeroCard()).OfType<HeroCard>())
        {
            foreach (var line in new[] { card.Title, card.Subtitle, card.Text })
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    sb.Append(sb.Length > 0 ? "\n\n" : "").Append(line);
                }
            }
            actions.AddRange(card.Buttons ?? []);
        }
        actions.AddRange(activity.SuggestedActions?.Actions ?? []);
        var text = sb.ToString();
        return (VerbatimText.IsVerbatim(activity) ? ClosedAddresses(text).Trim() : PlainText(text).Trim(), actions);
    }

    /// <summary>Answer text as Viber shows it: plain text, so without the bold markers the flows use for Telegram (they
    /// would appear literally), and with every address closed as <see cref="ClosedAddresses"/> says.</summary>
    public static string PlainText(string text) => ClosedAddresses(text.Replace("**", "", StringComparison.Ordinal));

    /// <summary>Viber links addresses in plain text itself. In Arabic the flows isolate an address (U+2066 … U+2069), and a
    /// linkifier that takes every character up to white space (Android's pattern does) would link ".../oj\u2069", a
    /// broken address; a space before the closing mark ends the address there and stays invisible inside the isolate.</summary>
    private static string ClosedAddresses(string text) =>
        text.Contains('\u2069', StringComparison.Ordinal) ? AddressBeforeIsolateEnd().Replace(text, "$1 \u2069") : text;

    [GeneratedRegex(@"((?:https?://|www\.)[^\s\u2066-\u2069]+)\u2069", RegexOptions.CultureInvariant)]
    private static partial Regex AddressBeforeIsolateEnd();
}
