using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Privacy;
using LiteDB;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Flows.Plan;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Plan;

/// <summary>
/// <see cref="IPlanReminderStore"/> in the shared LiteDB file (collection <c>plan_reminders</c>). One process owns the
/// file and writes are serialized, so a claim is a read and an update in one write.
/// </summary>
public sealed class LiteDbPlanReminderStore(SharedLiteDatabase database) : IPlanReminderStore, IUserDataEraser, IRetentionPurgeable
{
    public const string Collection = "plan_reminders";

    public string Name => "planReminders";

    public Task SaveAsync(ReminderSubscription subscription, CancellationToken cancellationToken) =>
        database.WriteAsync(db => db.GetCollection(Collection).Upsert(ToDocument(subscription)), cancellationToken);

    public Task RemoveAsync(string conversationKey, CancellationToken cancellationToken) =>
        database.WriteAsync(db => db.GetCollection(Collection).Delete(conversationKey), cancellationToken);

    public Task<IReadOnlyList<ReminderSubscription>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<ReminderSubscription>>(db =>
        {
            var collection = db.GetCollection(Collection);
            var ticks = now.UtcTicks;
            var claimed = collection.Find(Query.LTE("due", ticks))
                .Where(d => d["lease"].IsNull || d["lease"].AsInt64 < ticks)
                .Take(max)
                .ToList();
            foreach (var doc in claimed)
            {
                doc["lease"] = now.Add(lease).UtcTicks;
                collection.Update(doc);
            }

            return [.. claimed.Select(FromDocument)];
        }, cancellationToken);

    public Task RescheduleAsync(string conversationKey, DateTimeOffset due, CancellationToken cancellationToken) =>
        database.WriteAsync(db =>
        {
            var collection = db.GetCollection(Collection);
            if (collection.FindById(conversationKey) is not { } doc)
            {
                return false;
            }

            doc["due"] = due.UtcTicks;
            doc["lease"] = BsonValue.Null;
            return collection.Update(doc);
        }, cancellationToken);

    public Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        database.WriteAsync(db => db.GetCollection(Collection).DeleteMany(Query.EQ("user", $"{channelId}|{userId}")), cancellationToken);

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var rows = await database.ReadAsync(db => db.GetCollection(Collection).Find(Query.EQ("user", $"{channelId}|{userId}")).Select(FromDocument).ToList(), cancellationToken);
        return new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject { ["conversation"] = r.ConversationKey, ["nextCheck"] = r.Due.ToString("O") })]);
    }

    /// <summary>A subscription not renewed since the cutoff belongs to a conversation retention has already deleted.</summary>
    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        LiteDbBatchedScan.DeleteAsync(database, Collection, LiteDbBatchedScan.Before("updated", cutoff.UtcTicks), cancellationToken);

    private static BsonDocument ToDocument(ReminderSubscription s) => new()
    {
        ["_id"] = s.ConversationKey,
        ["user"] = s.UserKey,
        ["reference"] = s.ReferenceJson,
        ["due"] = s.Due.UtcTicks,
        ["updated"] = s.Updated.UtcTicks,
        ["lease"] = BsonValue.Null,
    };

    private static ReminderSubscription FromDocument(BsonDocument d) => new(
        d["_id"].AsString,
        d["user"].AsString,
        d["reference"].AsString,
        new DateTimeOffset(d["due"].AsInt64, TimeSpan.Zero),
        new DateTimeOffset(d["updated"].AsInt64, TimeSpan.Zero));
}
