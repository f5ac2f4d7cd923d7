using System.Text.Json;
using IntegrationBot.Editing.Store;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>
/// Topic versions in tables <c>knowledge_versions</c> and <c>knowledge_published</c>. A publish also sends a NOTIFY
/// in the same transaction, so every other instance loads the topic as soon as it is committed
/// (<see cref="KnowledgeNotificationHandler"/>).
/// </summary>
public sealed class PostgresTopicContentStore(PostgresDatabase database) : ITopicContentStore
{
    public async Task<bool> AppendAsync(TopicVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(
            connection,
            "INSERT INTO knowledge_versions (topic, version, json) VALUES (@t, @v, @j) ON CONFLICT (topic, version) DO NOTHING",
            cancellationToken,
            ("t", version.TopicId),
            ("v", version.Version),
            ("j", JsonSerializer.Serialize(version, HandoffJson.Options))) > 0;
    }

    public async Task<TopicVersion?> GetAsync(string topicId, int version, CancellationToken cancellationToken) =>
        await OneAsync("SELECT json FROM knowledge_versions WHERE topic = @t AND version = @v", cancellationToken, ("t", topicId), ("v", version));

    public async Task<TopicVersion?> LatestAsync(string topicId, CancellationToken cancellationToken) =>
        await OneAsync("SELECT json FROM knowledge_versions WHERE topic = @t ORDER BY version DESC LIMIT 1", cancellationToken, ("t", topicId));

    public Task<IReadOnlyList<TopicVersion>> VersionsAsync(string topicId, CancellationToken cancellationToken) =>
        ManyAsync("SELECT json FROM knowledge_versions WHERE topic = @t ORDER BY version", cancellationToken, ("t", topicId));

    public Task<IReadOnlyList<TopicVersion>> LatestOfEachAsync(CancellationToken cancellationToken) =>
        ManyAsync("SELECT DISTINCT ON (topic) json FROM knowledge_versions ORDER BY topic, version DESC", cancellationToken);

    public async Task<bool> PublishAsync(string topicId, int version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await Sql.ExecuteAsync(
            connection,
            """
            INSERT INTO knowledge_published (topic, version)
            SELECT topic, version FROM knowledge_versions WHERE topic = @t AND version = @v
            ON CONFLICT (topic) DO UPDATE SET version = excluded.version
            """,
            cancellationToken,
            ("t", topicId),
            ("v", version));
        if (updated == 0)
        {
            return false;
        }

        var payload = JsonSerializer.Serialize(new KnowledgeNotification(database.InstanceId, topicId), HandoffJson.Options);
        await Sql.ExecuteAsync(connection, "SELECT pg_notify(@channel, @payload)", cancellationToken, ("channel", database.KnowledgeChannel), ("payload", payload));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<TopicVersion?> PublishedAsync(string topicId, CancellationToken cancellationToken) =>
        await OneAsync(
            "SELECT v.json FROM knowledge_published p JOIN knowledge_versions v ON v.topic = p.topic AND v.version = p.version WHERE p.topic = @t",
            cancellationToken,
            ("t", topicId));

    public Task<IReadOnlyList<TopicVersion>> PublishedOfEachAsync(CancellationToken cancellationToken) =>
        ManyAsync("SELECT v.json FROM knowledge_published p JOIN knowledge_versions v ON v.topic = p.topic AND v.version = p.version ORDER BY p.topic", cancellationToken);

    private async Task<TopicVersion?> OneAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        (await ManyAsync(sql, cancellationToken, parameters)).FirstOrDefault();

    private async Task<IReadOnlyList<TopicVersion>> ManyAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(connection, sql, Read, cancellationToken, parameters);
    }

    private static TopicVersion Read(NpgsqlDataReader reader) =>
        JsonSerializer.Deserialize<TopicVersion>(reader.GetString(0), HandoffJson.Options)
        ?? throw new InvalidDataException("Stored topic version is empty.");
}
