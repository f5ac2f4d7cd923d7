using IntegrationBot.Editing.Store;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>
/// Topic versions in tables <c>knowledge_versions</c> and <c>knowledge_published</c>. A publish also sends a NOTIFY
/// in the same transaction, so every other instance loads the topic as soon as it is committed
/// (<see cref="KnowledgeNotificationHandler"/>).
/// </summary>
public sealed class PostgresTopicContentStore(PostgresDatabase database) : ITopicContentStore
{
    private readonly PostgresVersionedRows<TopicVersion> _versions = new(database, "knowledge_versions", "topic", v => v.TopicId, v => v.Version);

    public async Task<bool> AppendAsync(TopicVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await _versions.InsertAsync(connection, version, cancellationToken);
    }

    public Task<TopicVersion?> GetAsync(string topicId, int version, CancellationToken cancellationToken) =>
        _versions.GetAsync(topicId, version, cancellationToken);

    public Task<TopicVersion?> LatestAsync(string topicId, CancellationToken cancellationToken) =>
        _versions.LatestAsync(topicId, cancellationToken);

    public Task<IReadOnlyList<TopicVersion>> VersionsAsync(string topicId, CancellationToken cancellationToken) =>
        _versions.VersionsAsync(topicId, cancellationToken);

    public Task<IReadOnlyList<TopicVersion>> LatestOfEachAsync(CancellationToken cancellationToken) =>
        _versions.LatestOfEachAsync(cancellationToken);

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

        await KnowledgeNotification.SendAsync(connection, database, topicId, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<TopicVersion?> PublishedAsync(string topicId, CancellationToken cancellationToken) =>
        (await _versions.ListAsync(
            "SELECT v.json FROM knowledge_published p JOIN knowledge_versions v ON v.topic = p.topic AND v.version = p.version WHERE p.topic = @t",
            cancellationToken,
            ("t", topicId))).FirstOrDefault();

    public Task<IReadOnlyList<TopicVersion>> PublishedOfEachAsync(CancellationToken cancellationToken) =>
        _versions.ListAsync("SELECT v.json FROM knowledge_published p JOIN knowledge_versions v ON v.topic = p.topic AND v.version = p.version ORDER BY p.topic", cancellationToken);
}
