using System.Text.Json;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Notifications;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>
/// Republishes queue changes made by other instances (sent by <see cref="PostgresHandoffStore"/>) to this instance's
/// <see cref="HandoffEvents"/>, so every counselor's console stream sees them. Own changes are skipped: the queue
/// already published them locally.
/// </summary>
public sealed class HandoffNotificationHandler(PostgresDatabase database, HandoffEvents events) : IPostgresNotificationHandler
{
    public string Channel => database.HandoffChannel;

    public void Handle(string payload)
    {
        var notification = JsonSerializer.Deserialize<HandoffNotification>(payload, HandoffJson.Options);
        if (notification is not null && notification.Origin != database.InstanceId)
        {
            events.Publish(notification.Change);
        }
    }
}
