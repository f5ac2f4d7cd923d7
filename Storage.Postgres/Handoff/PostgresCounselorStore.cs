using System.Text.Json;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>Counselor accounts in table <c>handoff_counselors</c>, keyed by the trimmed lower-case name.</summary>
public sealed class PostgresCounselorStore(PostgresDatabase database) : ICounselorStore
{
    public async Task<Counselor?> FindAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await Sql.ScalarAsync<string>(connection, "SELECT json FROM handoff_counselors WHERE key = @k", cancellationToken, ("k", Key(name)));
        return json is null ? null : Read(json);
    }

    public async Task<IReadOnlyList<Counselor>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var all = await Sql.ListAsync(connection, "SELECT json FROM handoff_counselors", r => Read(r.GetString(0)), cancellationToken);
        return [.. all.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task SaveAsync(Counselor counselor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counselor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            "INSERT INTO handoff_counselors (key, json) VALUES (@k, @j) ON CONFLICT (key) DO UPDATE SET json = excluded.json",
            cancellationToken,
            ("k", Key(counselor.Name)),
            ("j", JsonSerializer.Serialize(counselor, HandoffJson.Options)));
    }

    private static string Key(string name) => name.Trim().ToLowerInvariant();

    private static Counselor Read(string json) =>
        JsonSerializer.Deserialize<Counselor>(json, HandoffJson.Options) ?? throw new InvalidDataException("Stored counselor is empty.");
}
