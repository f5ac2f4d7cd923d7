using System.Text.Json;
using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>Canned responses in table <c>handoff_canned</c>; <c>handoff_canned_defaults</c> remembers that the defaults were added.</summary>
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
        await UpsertAsync(connection, response, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, "DELETE FROM handoff_canned WHERE id = @id", cancellationToken, ("id", id)) > 0;
    }

    public async Task<bool> AddDefaultsOnceAsync(IReadOnlyList<CannedResponse> defaults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The marker's primary key decides between instances starting at once: only the one that inserts it adds the set.
        // An office that wrote its own before this version is not a fresh install: it keeps its list as it is.
        var fresh = await Sql.ScalarAsync<bool>(connection, "SELECT NOT EXISTS (SELECT 1 FROM handoff_canned)", cancellationToken);
        if (await Sql.ExecuteAsync(
                connection,
                "INSERT INTO handoff_canned_defaults (name, added_count) VALUES ('defaults', @n) ON CONFLICT (name) DO NOTHING",
                cancellationToken,
                ("n", fresh ? defaults.Count : 0)) == 0 || !fresh)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        // The table was empty when this instance took the marker: nothing there to keep or overwrite.
        foreach (var response in defaults)
        {
            await UpsertAsync(connection, response, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Task<int> UpsertAsync(NpgsqlConnection connection, CannedResponse response, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(
            connection,
            "INSERT INTO handoff_canned (id, language, json) VALUES (@id, @l, @j) ON CONFLICT (id) DO UPDATE SET language = excluded.language, json = excluded.json",
            cancellationToken,
            ("id", response.Id),
            ("l", response.Language),
            ("j", JsonSerializer.Serialize(response, HandoffJson.Options)));

    private static CannedResponse Read(string json) =>
        JsonSerializer.Deserialize<CannedResponse>(json, HandoffJson.Options) ?? throw new InvalidDataException("Stored canned response is empty.");
}
