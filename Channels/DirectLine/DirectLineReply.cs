using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// A bot or counselor message as the web chat log keeps it, and the key that makes it land in the log once. Shared by
/// the sender (which appends at delivery) and a store that writes the line in the turn's own commit (LiteDB).
/// </summary>
public static class DirectLineReply
{
    /// <summary>The channel id of the replies whose lines go into the web chat log.</summary>
    public const string ChannelId = DirectLineInbox.ChannelId;

    /// <summary>The reply as stored: from the bot, without channelData, stamped <paramref name="now"/>, plain text as tappable markdown.</summary>
    public static Activity Shape(Activity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Web Chat drops a user's own message when a reply carries its clientActivityID, so replies never carry channelData.
        var reply = activity with
        {
            From = new ChannelAccount(activity.From?.Id ?? "integrationbot", activity.From?.Name ?? "IntegrationBot", RoleTypes.Bot),
            ChannelData = null,
            Timestamp = now,
        };
        if (reply.Type == ActivityTypes.Message && reply.Text is { Length: > 0 } text && reply.TextFormat is null or "plain")
        {
            // Addresses, e-mails and phone numbers become tappable links; the rest is escaped so it stays text.
            reply = reply with { Text = TappableText.ToWebChatMarkdown(text), TextFormat = "markdown" };
        }

        return reply;
    }

    /// <summary>
    /// The web chat replies among a turn's <paramref name="outgoing"/> activities, shaped as their lines are stored when
    /// the turn's commit writes them: the first stamped <paramref name="now"/>, each next one a millisecond later.
    /// </summary>
    /// <remarks>Web Chat orders what it shows by timestamp, to the millisecond, and an activity it receives a second time
    /// (a stream that reconnects or reads the log again) goes behind every other one with the same timestamp. Replies of
    /// one turn stamped alike could then swap places on the page, and the buttons of the turn's last reply vanished
    /// (FirstVisitJourneyTests, after the commit began writing the lines: the sender stamps each at its delivery).</remarks>
    public static List<Activity> ShapeTurn(IReadOnlyList<Activity> outgoing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        List<Activity> replies = [];
        foreach (var reply in outgoing)
        {
            if (reply.ChannelId == ChannelId && reply.Conversation?.Id is { Length: > 0 } && DedupeKey(reply) is not null)
            {
                replies.Add(Shape(reply, now.AddMilliseconds(replies.Count)));
            }
        }

        return replies;
    }

    /// <summary>The reply's id makes a second append (a redelivery after a crash, a line already written with its turn) land once.</summary>
    public static string? DedupeKey(Activity activity) =>
        activity?.Id is { Length: > 0 } id ? "out:" + id : null;
}
