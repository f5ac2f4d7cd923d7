using System.Globalization;
using IntegrationBot.Handoff.Storage;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Editing.Institutions;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Knowledge;

/// <summary>
/// Directory entry versions in the shared LiteDB file: collection <c>knowledge_directory</c>, one document per version
/// (id <c>entry#000042</c>, the version as JSON), like the topic versions.
/// </summary>
public sealed class LiteDbDirectoryEntryStore : IDirectoryEntryStore
{
    private readonly SharedLiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _versions;

    public LiteDbDirectoryEntryStore(SharedLiteDatabase database)
    {
        _database = database;
        _versions = database.Database.GetCollection("knowledge_directory");
        database.Setup(_ => _versions.EnsureIndex("entry"));
    }

    public Task<bool> AppendAsync(DirectoryEntryVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _database.WriteAsync(
            _ =>
            {
                var id = version.EntryId + "#" + version.Version.ToString("D6", CultureInfo.InvariantCulture);
                if (_versions.FindById(id) is not null)
                {
                    return false;
                }

                _versions.Insert(new BsonDocument
                {
                    ["_id"] = id,
                    ["entry"] = version.EntryId,
                    ["version"] = version.Version,
                    ["json"] = JsonSerializer.Serialize(version, HandoffJson.Options),
                });
                return true;
            },
            cancellationToken);
    }

    public async Task<DirectoryEntryVersion?> LatestAsync(string entryId, CancellationToken cancellationToken) =>
        (await VersionsAsync(entryId, cancellationToken)).LastOrDefault();

    public Task<IReadOnlyList<DirectoryEntryVersion>> VersionsAsync(string entryId, CancellationToken cancellationToken)
    {
        return _database.ReadAsync<IReadOnlyList<DirectoryEntryVersion>>(
            _ =>
            [.. _versions.Find(Query.EQ("entry", entryId)).Select(Read).OrderBy(v => v.Version)],
            cancellationToken);
    }

    public Task<IReadOnlyList<DirectoryEntryVersion>> LatestOfEachAsync(CancellationToken cancellationToken)
    {
        return _database.ReadAsync<IReadOnlyList<DirectoryEntryVersion>>(
            _ =>
            [
                .. _versions.FindAll().Select(Read).GroupBy(v => v.EntryId, StringComparer.Ordinal)
                    .Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.EntryId, StringComparer.Ordinal),
            ],
            cancellationToken);
    }

    private static DirectoryEntryVersion Read(BsonDocument document) =>
        JsonSerializer.Deserialize<DirectoryEntryVersion>(document["json"].AsString, HandoffJson.Options)
        ?? throw new InvalidDataException("Stored directory entry version is empty.");
}
