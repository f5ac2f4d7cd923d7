using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Handoff.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Bot.Tests.Privacy;

/// <summary>The real host on PostgreSQL (a schema of its own): erasure, export and /delete reach the PostgreSQL rows.</summary>
public sealed class PostgresErasureTests
{
    private const string Variable = "IntegrationBot_TestPostgres";

    [Fact]
    public async Task On_postgres_erasure_leaves_nothing_of_the_user_in_any_table_and_own_delete_is_confirmed()
    {
        var ct = TestContext.Current.CancellationToken;
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } connectionString)
        {
            Assert.Skip($"PostgreSQL not configured: set {Variable}; .ci/run does.");
            return;
        }

        var schema = "t_" + Guid.NewGuid().ToString("N")[..20];
        try
        {
            await using var host = new ChatHost(new Dictionary<string, string>
            {
                ["IntegrationBot:Storage:Provider"] = "postgres",
                ["IntegrationBot:Storage:ConnectionString"] = connectionString,
                ["IntegrationBot:Storage:Schema"] = schema,
            });
            var (erased, erasedMarker) = await ErasureTests.ChatWithMarkerAsync(host, "PGERASE-31c9", ct);
            var (kept, keptMarker) = await ErasureTests.ChatWithMarkerAsync(host, "PGKEEP-31c9", ct);
            var (deleting, deletingMarker) = await ErasureTests.ChatWithMarkerAsync(host, "PGSELF-31c9", ct);
            Assert.Contains(erasedMarker, await DumpAsync(connectionString, schema, ct), StringComparison.Ordinal);

            var data = new UserDataService(host.Services.GetServices<IUserDataEraser>());
            var export = (await data.ExportAsync("webchat", erased.UserId, ct)).ToJsonString();
            var removed = await data.DeleteAsync("webchat", erased.UserId, ct);
            await WebChatDeleteTests.DeleteOwnDataAndSeeConfirmationAsync(host, deleting, deletingMarker, ct);

            Assert.Contains(erasedMarker, export, StringComparison.Ordinal);
            Assert.DoesNotContain(keptMarker, export, StringComparison.Ordinal);
            Assert.True(removed["dialogs"] > 0 && removed["webchat"] > 0, string.Join(", ", removed));
            var dump = await DumpAsync(connectionString, schema, ct);
            Assert.DoesNotContain(erasedMarker, dump, StringComparison.Ordinal);
            Assert.DoesNotContain(erased.UserId, dump, StringComparison.Ordinal);
            Assert.DoesNotContain(erased.ConversationId, dump, StringComparison.Ordinal);
            Assert.DoesNotContain(deletingMarker, dump, StringComparison.Ordinal);
            Assert.Contains(keptMarker, dump, StringComparison.Ordinal);
            Assert.Contains(kept.ConversationId, dump, StringComparison.Ordinal);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Every row of every table of the schema as text, to search for what must be gone.</summary>
    private static async Task<string> DumpAsync(string connectionString, string schema, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = @s", connection))
        {
            list.Parameters.AddWithValue("s", schema);
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM \"{schema}\".\"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(table + " " + reader.GetString(0));
            }
        }

        return string.Join('\n', rows);
    }
}
