using System.Globalization;
using JsonSerializer = System.Text.Json.JsonSerializer;
using IntegrationBot.Handoff.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Editing.Store;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Knowledge;

/// <summary>
/// Topic versions in the shared LiteDB file: collection <c>knowledge_versions</c> (one document per version, id
/// <c>topic#000042</c>, the version as JSON) and <c>knowledge_published</c> (per topic, the published version number).
/// </summary>
public sealed class LiteDbTopicContentStore : ITopicContentStore
{
    private readonly SharedLiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _versions;
    private readonly ILiteCollection<BsonDocument> _published;

    public LiteDbTopicContentStore(SharedLiteDatabase database)
    {
        _database = database;
        _versions = database.Database.GetCollection("knowledge_versions");
        _published = database.Database.GetCollection("knowledge_published");
        database.Setup(_ => _versions.EnsureIndex("topic"));
    }

    public Task<bool> AppendAsync(TopicVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _database.WriteAsync(
            _ =>
            {
                var id = Key(version.TopicId, version.Version);
                if (_versions.FindById(id) is not null)
                {
                    return false;
                }

                _versions.Insert(new BsonDocument
                {
                    ["_id"] = id,
                    ["topic"] = version.TopicId,
                    ["version"] = version.Version,
                    ["json"] = JsonSerializer.Serialize(version, HandoffJson.Options),
                });
                return true;
            },
            cancellationToken);
    }

    public Task<TopicVersion?> GetAsync(string topicId, int version, CancellationToken cancellationToken) =>
        _database.ReadAsync(_ => _versions.FindById(Key(topicId, version)) is { } document ? Read(document) : null, cancellationToken);

    public async Task<TopicVersion?> LatestAsync(string topicId, CancellationToken cancellationToken) =>
        (await VersionsAsync(topicId, cancellationToken)).LastOrDefault();

    public Task<IReadOnlyList<TopicVersion>> VersionsAsync(string topicId, CancellationToken cancellationToken)
    {
        return _database.ReadAsync<IReadOnlyList<TopicVersion>>(
            _ =>
            [.. _versions.Find(Query.EQ("topic", topicId)).Select(Read).OrderBy(v => v.Version)],
            cancellationToken);
    }

    public Task<IReadOnlyList<TopicVersion>> LatestOfEachAsync(CancellationToken cancellationToken)
    {
        return _database.ReadAsync<IReadOnlyList<TopicVersion>>(
            _ =>
            [
                .. _versions.FindAll().Select(Read).GroupBy(v => v.TopicId, StringComparer.Ordinal)
                    .Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.TopicId, StringComparer.Ordinal),
            ],
            cancellationToken);
    }

    public Task<bool> PublishAsync(string topicId, int version, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            _ =>
            {
                if (_versions.FindById(Key(topicId, version)) is null)
                {
                    return false;
                }

                _published.Upsert(new BsonDocument { ["_id"] = topicId, ["version"] = version });
                return true;
            },
            cancellationToken);

    public Task<TopicVersion?> PublishedAsync(string topicId, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            _ => _published.FindById(topicId) is { } pointer && _versions.FindById(Key(topicId, pointer["version"].AsInt32)) is { } document
                ? Read(document)
                : null,
            cancellationToken);

    public Task<IReadOnlyList<TopicVersion>> PublishedOfEachAsync(CancellationToken cancellationToken)
    {
        return _database.ReadAsync<IReadOnlyList<TopicVersion>>(
            _ =>
            [
                .. _published.FindAll()
                    .Select(p => _versions.FindById(Key(p["_id"].AsString, p["version"].AsInt32)))
                    .Where(d => d is not null)
                    .Select(Read)
                    .OrderBy(v => v.TopicId, StringComparer.Ordinal),
            ],
            cancellationToken);
    }

    private static string Key(string topicId, int version) => topicId + "#" + version.ToString("D6", CultureInfo.InvariantCulture);

    private static TopicVersion Read(BsonDocument document) =>
        JsonSerializer.Deserialize<TopicVersion>(document["json"].AsString, HandoffJson.Options)
        ?? throw new InvalidDataException("Stored topic version is empty.");
}
