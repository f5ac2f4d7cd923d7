using System.Text.Json;
using IntegrationBot.Editing.Live;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Notifications;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>
/// Loads a topic or local directory entry published on another instance (sent by <see cref="PostgresTopicContentStore"/>) into this instance's
/// engine. Own publishes are skipped: the editor applied them already. The follower works off the listener's thread,
/// which must stay free, and tries again until the edit is live.
/// </summary>
public sealed class KnowledgeNotificationHandler(PostgresDatabase database, LiveKnowledgeFollower follower) : IPostgresNotificationHandler
{
    public string Channel => database.KnowledgeChannel;

    public void Handle(string payload)
    {
        var notification = JsonSerializer.Deserialize<KnowledgeNotification>(payload, HandoffJson.Options);
        if (notification is null || notification.Origin == database.InstanceId)
        {
            return;
        }

        _ = notification.Entry is { } entry ? follower.FollowDirectoryEntryAsync(entry) : follower.FollowTopicAsync(notification.Topic);
    }

    /// <summary>
    /// Publishes sent while the connection was lost, or before the first LISTEN after the start's load, were never
    /// announced here: load everything published again.
    /// </summary>
    public void Reconnected() => _ = follower.ReloadAllAsync();
}
