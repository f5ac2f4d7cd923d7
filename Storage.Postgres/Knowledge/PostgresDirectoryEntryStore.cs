using IntegrationBot.Editing.Institutions;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>
/// Directory entry versions in table <c>knowledge_directory</c>. A save is live at once, so it sends the knowledge
/// channel's NOTIFY in the same transaction, as a topic publish does; every other instance then loads the entry.
/// </summary>
public sealed class PostgresDirectoryEntryStore(PostgresDatabase database) : IDirectoryEntryStore
{
    private readonly PostgresVersionedRows<DirectoryEntryVersion> _versions = new(database, "knowledge_directory", "entry", v => v.EntryId, v => v.Version);

    public async Task<bool> AppendAsync(DirectoryEntryVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await _versions.InsertAsync(connection, version, cancellationToken))
        {
            return false;
        }

        await KnowledgeNotification.SendAsync(connection, database, string.Empty, version.EntryId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public Task<DirectoryEntryVersion?> LatestAsync(string entryId, CancellationToken cancellationToken) =>
        _versions.LatestAsync(entryId, cancellationToken);

    public Task<IReadOnlyList<DirectoryEntryVersion>> VersionsAsync(string entryId, CancellationToken cancellationToken) =>
        _versions.VersionsAsync(entryId, cancellationToken);

    public Task<IReadOnlyList<DirectoryEntryVersion>> LatestOfEachAsync(CancellationToken cancellationToken) =>
        _versions.LatestOfEachAsync(cancellationToken);
}
