using System.Text.Json;
using IntegrationBot.Editing.Live;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Notifications;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>
/// Loads a topic or local directory entry published on another instance (sent by <see cref="PostgresTopicContentStore"/>) into this instance's
/// engine. Own publishes are skipped: the editor applied them already. Runs off the listener's thread, which must stay free.
/// </summary>
public sealed class KnowledgeNotificationHandler(PostgresDatabase database, LiveKnowledge live) : IPostgresNotificationHandler
{
    public string Channel => database.KnowledgeChannel;

    public void Handle(string payload)
    {
        var notification = JsonSerializer.Deserialize<KnowledgeNotification>(payload, HandoffJson.Options);
        if (notification is null || notification.Origin == database.InstanceId)
        {
            return;
        }

        _ = notification.Entry is { } entry
            ? Task.Run(() => live.RefreshDirectoryEntryAsync(entry, CancellationToken.None))
            : Task.Run(() => live.RefreshAsync(notification.Topic, CancellationToken.None));
    }
}
