using JsonSerializer = System.Text.Json.JsonSerializer;
using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Handoff;

/// <summary>Handoff requests in the shared LiteDB file (collection handoff_requests; purged aggregates in handoff_daily).</summary>
public sealed class LiteDbHandoffStore : IHandoffStore
{
    private readonly SharedLiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _requests;
    private readonly ILiteCollection<BsonDocument> _daily;
    private readonly OfficeHours _office;

    public LiteDbHandoffStore(SharedLiteDatabase database, OfficeHours office)
    {
        _database = database;
        _office = office;
        _requests = database.Database.GetCollection("handoff_requests");
        database.Setup(_ =>
        {
            _requests.EnsureIndex("status");
            _requests.EnsureIndex("conversation");
            _requests.EnsureIndex("user");
            _requests.EnsureIndex("createdAt");
            _requests.EnsureIndex("seq");
        });
        _daily = database.Database.GetCollection("handoff_daily");
    }

    public string Name => "handoffs";

    // Every change of a request reads it first (a relayed message, a counselor's reply): no LiteDB commit unless a
    // pending write changed it.
    public Task<HandoffRequest?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        _database.ReadDocumentsAsync(_requests.Name, [id], _ => _requests.FindById(id) is { } document ? JsonDocuments.Read<HandoffRequest>(document) : null, cancellationToken);

    public Task<HandoffRequest?> FindOpenAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        return _database.ReadAsync(
            _ => _requests.Find(LiteDbQueries.Equal("conversation", ConversationKey(channelId, conversationId)))
                .Select(JsonDocuments.Read<HandoffRequest>)
                .FirstOrDefault(r => r.IsOpen),
            cancellationToken);
    }

    public Task<IReadOnlyList<HandoffRequest>> ListAsync(HandoffStatus? status, CancellationToken cancellationToken)
    {
        return _database.ReadAsync(
            _ => InQueueOrder(status is null ? _requests.FindAll() : _requests.Find(LiteDbQueries.Equal("status", status.Value.ToString()))),
            cancellationToken);
    }

    public Task<IReadOnlyList<HandoffRequest>> ListCreatedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        return _database.ReadAsync(_ => InQueueOrder(_requests.Find(Query.GTE("createdAt", JsonDocuments.Ms(since)))), cancellationToken);
    }

    public Task InsertAsync(HandoffRequest request, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            _ =>
            {
                // A sequence number keeps requests created in the same millisecond in arrival order.
                var last = _requests.Query().OrderByDescending("seq").Limit(1).FirstOrDefault();
                var document = ToDocument(request);
                document["seq"] = (last?["seq"].AsInt64 ?? 0) + 1;
                return _requests.Insert(document);
            },
            cancellationToken);

    public Task<HandoffRequest?> TryUpdateAsync(HandoffRequest updated, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            _ =>
            {
                var current = _requests.FindById(updated.Id);
                if (current is null || JsonDocuments.Read<HandoffRequest>(current).Version != updated.Version)
                {
                    return null;
                }

                var stored = updated with { Version = updated.Version + 1 };
                var document = ToDocument(stored);
                document["seq"] = current["seq"];
                _requests.Update(document);
                return (HandoffRequest?)stored;
            },
            cancellationToken);

    public Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        _database.WriteAsync(_ => _requests.DeleteMany(LiteDbQueries.Equal("user", UserKey(channelId, userId))), cancellationToken);

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var requests = await _database.ReadAsync(
            _ => _requests.Find(LiteDbQueries.Equal("user", UserKey(channelId, userId))).Select(JsonDocuments.Read<HandoffRequest>).ToList(),
            cancellationToken);
        return JsonSerializer.SerializeToNode(requests, HandoffJson.Options) ?? new JsonArray();
    }

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        _database.WriteAsync(_ => Purge(cutoff), cancellationToken);

    public Task<IReadOnlyList<HandoffDailyCount>> DailyCountsAsync(DateOnly from, CancellationToken cancellationToken)
    {
        return _database.ReadAsync<IReadOnlyList<HandoffDailyCount>>(
            _ => [.. _daily.FindAll().Select(JsonDocuments.Read<HandoffDailyCount>).Where(d => d.Date >= from)],
            cancellationToken);
    }

    /// <summary>Folds expired, closed requests into the daily counts and deletes them, in one transaction.</summary>
    private int Purge(DateTimeOffset cutoff)
    {
        var expired = _requests.Find(LiteDbQueries.Less("createdAt", JsonDocuments.Ms(cutoff)))
            .Select(JsonDocuments.Read<HandoffRequest>)
            .Where(r => !r.IsOpen)
            .ToList();
        foreach (var added in HandoffDailyFold.Count(expired, _office))
        {
            var key = HandoffDailyFold.Key(added);
            var existing = _daily.FindById(key) is { } document ? JsonDocuments.Read<HandoffDailyCount>(document) : null;
            _daily.Upsert(JsonDocuments.Create(key, HandoffDailyFold.Add(existing, added), new Dictionary<string, BsonValue>()));
        }

        foreach (var request in expired)
        {
            _requests.Delete(request.Id);
        }

        return expired.Count;
    }

    private static IReadOnlyList<HandoffRequest> InQueueOrder(IEnumerable<BsonDocument> documents) =>
        [.. documents.OrderBy(d => d["seq"].IsNumber ? d["seq"].AsInt64 : 0).Select(JsonDocuments.Read<HandoffRequest>).OrderBy(r => r.CreatedAt)];

    private static BsonDocument ToDocument(HandoffRequest request) => JsonDocuments.Create(request.Id, request, new Dictionary<string, BsonValue>
    {
        ["status"] = request.Status.ToString(),
        ["conversation"] = ConversationKey(request.Address.ChannelId, request.Address.ConversationId),
        ["user"] = UserKey(request.Address.ChannelId, request.Address.UserId),
        ["createdAt"] = JsonDocuments.Ms(request.CreatedAt),
    });

    private static string ConversationKey(string channelId, string conversationId) => $"{channelId}|{conversationId}";

    private static string UserKey(string channelId, string userId) => $"{channelId}|{userId}";
}
