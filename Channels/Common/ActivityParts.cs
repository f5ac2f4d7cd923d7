using System.Globalization;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.Common;

/// <summary>Cuts a reply longer than one channel message into one activity per message the person will see.</summary>
/// <remarks>Each part becomes its own outbox entry, so a fault on part 2 neither resends part 1 nor hides that part 2
/// was not delivered (its dead letter says so).</remarks>
public static class ActivityParts
{
    /// <param name="text">The whole text as the channel composes it (message text and card texts).</param>
    /// <param name="buttons">Every button of the reply; they go on the last part.</param>
    public static IReadOnlyList<Activity> Split(Activity activity, string text, IReadOnlyList<CardAction> buttons, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message || text.Length <= maxLength)
        {
            return [activity];
        }
        var parts = TextSplitter.Split(text, maxLength);
        return [.. parts.Select((part, i) => activity with
        {
            // The first part keeps the reply's id (a turn returns it); the others get stable ids derived from it.
            Id = i == 0 ? activity.Id : $"{activity.Id}.{(i + 1).ToString(CultureInfo.InvariantCulture)}",
            Text = part,
            Attachments = null,
            SuggestedActions = i == parts.Count - 1 && buttons.Count > 0 ? new SuggestedActions(buttons) : null,
        })];
    }
}
