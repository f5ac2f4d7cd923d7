using IntegrationBot.Editing.Backlog;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>Dismissed backlog questions (hashes) in table <c>knowledge_dismissed</c>.</summary>
public sealed class PostgresBacklogDismissals(PostgresDatabase database) : IBacklogDismissals
{
    public async Task DismissAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            "INSERT INTO knowledge_dismissed (hash) SELECT unnest(@h) ON CONFLICT (hash) DO NOTHING",
            cancellationToken,
            ("h", hashes.ToArray()));
    }

    public async Task<IReadOnlySet<string>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Sql.ListAsync(connection, "SELECT hash FROM knowledge_dismissed", r => r.GetString(0), cancellationToken);
        return rows.ToHashSet(StringComparer.Ordinal);
    }
}
