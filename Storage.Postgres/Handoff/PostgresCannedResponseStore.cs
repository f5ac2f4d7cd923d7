using System.Text.Json;
using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>Canned responses in table <c>handoff_canned</c>.</summary>
public sealed class PostgresCannedResponseStore(PostgresDatabase database) : ICannedResponseStore
{
    public async Task<IReadOnlyList<CannedResponse>> ListAsync(string? language, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = language is null
            ? await Sql.ListAsync(connection, "SELECT json FROM handoff_canned", r => Read(r.GetString(0)), cancellationToken)
            : await Sql.ListAsync(connection, "SELECT json FROM handoff_canned WHERE language = @l", r => Read(r.GetString(0)), cancellationToken, ("l", language));
        // Titles sort by the host's culture, as in the LiteDB store, not by the database collation.
        return [.. rows.OrderBy(r => r.Language, StringComparer.Ordinal).ThenBy(r => r.Title, StringComparer.CurrentCulture)];
    }

    public async Task<CannedResponse?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await Sql.ScalarAsync<string>(connection, "SELECT json FROM handoff_canned WHERE id = @id", cancellationToken, ("id", id));
        return json is null ? null : Read(json);
    }

    public async Task SaveAsync(CannedResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            "INSERT INTO handoff_canned (id, language, json) VALUES (@id, @l, @j) ON CONFLICT (id) DO UPDATE SET language = excluded.language, json = excluded.json",
            cancellationToken,
            ("id", response.Id),
            ("l", response.Language),
            ("j", JsonSerializer.Serialize(response, HandoffJson.Options)));
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, "DELETE FROM handoff_canned WHERE id = @id", cancellationToken, ("id", id)) > 0;
    }

    private static CannedResponse Read(string json) =>
        JsonSerializer.Deserialize<CannedResponse>(json, HandoffJson.Options) ?? throw new InvalidDataException("Stored canned response is empty.");
}
