using System.Text.Json;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>
/// Directory entry versions in table <c>knowledge_directory</c>. A save is live at once, so it sends the knowledge
/// channel's NOTIFY in the same transaction, as a topic publish does; every other instance then loads the entry.
/// </summary>
public sealed class PostgresDirectoryEntryStore(PostgresDatabase database) : IDirectoryEntryStore
{
    public async Task<bool> AppendAsync(DirectoryEntryVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await Sql.ExecuteAsync(
            connection,
            "INSERT INTO knowledge_directory (entry, version, json) VALUES (@e, @v, @j) ON CONFLICT (entry, version) DO NOTHING",
            cancellationToken,
            ("e", version.EntryId),
            ("v", version.Version),
            ("j", JsonSerializer.Serialize(version, HandoffJson.Options)));
        if (inserted == 0)
        {
            return false;
        }

        var payload = JsonSerializer.Serialize(new KnowledgeNotification(database.InstanceId, string.Empty, version.EntryId), HandoffJson.Options);
        await Sql.ExecuteAsync(connection, "SELECT pg_notify(@channel, @payload)", cancellationToken, ("channel", database.KnowledgeChannel), ("payload", payload));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<DirectoryEntryVersion?> LatestAsync(string entryId, CancellationToken cancellationToken) =>
        (await ManyAsync("SELECT json FROM knowledge_directory WHERE entry = @e ORDER BY version DESC LIMIT 1", cancellationToken, ("e", entryId))).FirstOrDefault();

    public Task<IReadOnlyList<DirectoryEntryVersion>> VersionsAsync(string entryId, CancellationToken cancellationToken) =>
        ManyAsync("SELECT json FROM knowledge_directory WHERE entry = @e ORDER BY version", cancellationToken, ("e", entryId));

    public Task<IReadOnlyList<DirectoryEntryVersion>> LatestOfEachAsync(CancellationToken cancellationToken) =>
        ManyAsync("SELECT DISTINCT ON (entry) json FROM knowledge_directory ORDER BY entry, version DESC", cancellationToken);

    private async Task<IReadOnlyList<DirectoryEntryVersion>> ManyAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(connection, sql, Read, cancellationToken, parameters);
    }

    private static DirectoryEntryVersion Read(NpgsqlDataReader reader) =>
        JsonSerializer.Deserialize<DirectoryEntryVersion>(reader.GetString(0), HandoffJson.Options)
        ?? throw new InvalidDataException("Stored directory entry version is empty.");
}
