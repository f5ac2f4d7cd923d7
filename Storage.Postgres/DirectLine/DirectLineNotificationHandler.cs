using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Storage.Postgres.Notifications;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.DirectLine;

/// <summary>
/// Wakes this instance's web chat streams and long polls when another instance appended to their conversation
/// (e.g. its outbox delivered the reply), as <see cref="ConversationSignals"/> does for local appends.
/// </summary>
public sealed class DirectLineNotificationHandler(PostgresDatabase database, ConversationSignals signals) : IPostgresNotificationHandler
{
    public string Channel => database.DirectLineChannel;

    public void Handle(string payload)
    {
        // Payload: "<origin instance>\n<conversation id>" (ids only, never text).
        var separator = payload.IndexOf('\n', StringComparison.Ordinal);
        if (separator > 0 && payload[..separator] != database.InstanceId)
        {
            signals.Appended(payload[(separator + 1)..]);
        }
    }
}
