using IntegrationBot.Handoff.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Handoff;

/// <summary>Counselor accounts in the shared LiteDB file (collection handoff_counselors, keyed by lower-case name).</summary>
public sealed class LiteDbCounselorStore(SharedLiteDatabase database) : ICounselorStore
{
    private readonly ILiteCollection<BsonDocument> _counselors = database.Database.GetCollection("handoff_counselors");

    public Task<Counselor?> FindAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync<Counselor?>(_ => _counselors.FindById(Key(name)) is { } document ? JsonDocuments.Read<Counselor>(document) : null, cancellationToken);

    public Task<IReadOnlyList<Counselor>> ListAsync(CancellationToken cancellationToken)
    {
        return database.ReadAsync<IReadOnlyList<Counselor>>(
            _ =>
            [.. _counselors.FindAll().Select(JsonDocuments.Read<Counselor>).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)],
            cancellationToken);
    }

    public Task SaveAsync(Counselor counselor, CancellationToken cancellationToken) =>
        database.WriteAsync(
            _ => _counselors.Upsert(JsonDocuments.Create(Key(counselor.Name), counselor, new Dictionary<string, BsonValue>())),
            cancellationToken);

    private static string Key(string name) => name.Trim().ToLowerInvariant();
}
