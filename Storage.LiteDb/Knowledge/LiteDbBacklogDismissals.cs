using IntegrationBot.Handoff.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Editing.Backlog;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Knowledge;

/// <summary>Dismissed backlog questions (hashes) in the shared LiteDB file, collection <c>knowledge_dismissed</c>.</summary>
public sealed class LiteDbBacklogDismissals(SharedLiteDatabase database) : IBacklogDismissals
{
    private readonly ILiteCollection<BsonDocument> _dismissed = database.Database.GetCollection("knowledge_dismissed");

    public Task DismissAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken) =>
        database.WriteAsync(
            _ =>
            {
                foreach (var hash in hashes)
                {
                    _dismissed.Upsert(new BsonDocument { ["_id"] = hash });
                }

                return hashes.Count;
            },
            cancellationToken);

    public Task<IReadOnlySet<string>> AllAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlySet<string>>(_ => _dismissed.FindAll().Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal), cancellationToken);
}
