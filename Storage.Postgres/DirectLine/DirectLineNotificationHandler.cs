using System.Text;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Storage.Postgres.Notifications;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.DirectLine;

/// <summary>
/// Keeps this instance's web chat streams and long polls current with what other instances do to the log: an append
/// wakes them, as <see cref="ConversationSignals"/> does for local appends, after putting the activity that rode along
/// into <see cref="RecentActivities"/>, so each stream takes it from memory instead of reading the log again; an
/// append without it (too large, or from an older instance) and an erasure drop the conversation from memory, whose
/// readers then go to the log. The listener's notifications arrive in commit order, and a conversation's appends commit
/// in the order of their numbers (its row lock), so the tail sees them in order; one missed (the listener reconnected)
/// leaves a gap the tail never serves across (<see cref="Reconnected"/> also empties it).
/// </summary>
public sealed class DirectLineNotificationHandler(PostgresDatabase database, ConversationSignals signals, RecentActivities? recent = null)
    : IPostgresNotificationHandler
{
    public string Channel => database.DirectLineChannel;

    public void Handle(string payload)
    {
        // This instance's own changes are in its memory already (TailedDirectLineStore, PostgresDirectLineUserData).
        if (DirectLineNotification.Parse(payload) is not { } notification || notification.Origin == database.InstanceId)
        {
            return;
        }

        switch (notification.Kind)
        {
            case DirectLineNotificationKind.ErasedAny:
                recent?.Clear();
                database.WebChatLines.Clear();
                return;
            case DirectLineNotificationKind.Erased:
                // A reply this instance committed and has not delivered yet must not be announced from memory either.
                recent?.Erased(notification.ConversationId);
                database.WebChatLines.Forget(notification.ConversationId);
                database.WebChatEchoes.Erase(notification.ConversationId);
                return;
        }

        if (notification.Json is { } json)
        {
            recent?.Appended(notification.ConversationId, notification.Seq, Encoding.UTF8.GetBytes(json));
        }
        else
        {
            recent?.Forget(notification.ConversationId);
        }

        signals.Appended(notification.ConversationId);
    }

    /// <summary>What was announced while the listener was away is unknown: every reader goes to the log until the next appends.</summary>
    public void Reconnected()
    {
        recent?.Clear();
        // An erasure may have been missed too: deliveries ask the log, which finds the lines still there.
        database.WebChatLines.Clear();
    }
}
