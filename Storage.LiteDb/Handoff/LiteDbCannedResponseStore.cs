using IntegrationBot.Handoff.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Canned;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Handoff;

/// <summary>Canned responses in the shared LiteDB file (collection handoff_canned; handoff_canned_defaults remembers that the defaults were added).</summary>
public sealed class LiteDbCannedResponseStore(SharedLiteDatabase database) : ICannedResponseStore
{
    private const string DefaultsMarker = "defaults";

    private readonly ILiteCollection<BsonDocument> _responses = database.Database.GetCollection("handoff_canned");
    private readonly ILiteCollection<BsonDocument> _defaults = database.Database.GetCollection("handoff_canned_defaults");

    public Task<IReadOnlyList<CannedResponse>> ListAsync(string? language, CancellationToken cancellationToken)
    {
        return database.ReadAsync<IReadOnlyList<CannedResponse>>(
            _ =>
            [
                .. _responses.FindAll().Select(JsonDocuments.Read<CannedResponse>)
                    .Where(r => language is null || r.Language == language)
                    .OrderBy(r => r.Language, StringComparer.Ordinal).ThenBy(r => r.Title, StringComparer.CurrentCulture),
            ],
            cancellationToken);
    }

    public Task<CannedResponse?> GetAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync<CannedResponse?>(_ => _responses.FindById(id) is { } document ? JsonDocuments.Read<CannedResponse>(document) : null, cancellationToken);

    public Task SaveAsync(CannedResponse response, CancellationToken cancellationToken) =>
        database.WriteAsync(
            _ => _responses.Upsert(ToDocument(response)),
            cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        database.WriteAsync(_ => _responses.Delete(id), cancellationToken);

    private static BsonDocument ToDocument(CannedResponse response) =>
        JsonDocuments.Create(response.Id, response, new Dictionary<string, BsonValue> { ["language"] = response.Language });

    public Task<bool> AddDefaultsOnceAsync(IReadOnlyList<CannedResponse> defaults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return database.WriteAsync(
            _ =>
            {
                if (_defaults.FindById(DefaultsMarker) is not null)
                {
                    return false;
                }

                // An office that wrote its own before this version is not a fresh install: it keeps its list as it is.
                var fresh = _responses.Count() == 0;
                _defaults.Insert(new BsonDocument { ["_id"] = DefaultsMarker, ["count"] = fresh ? defaults.Count : 0 });
                if (!fresh)
                {
                    return false;
                }

                _responses.Upsert(defaults.Select(ToDocument));
                return true;
            },
            cancellationToken);
    }
}
