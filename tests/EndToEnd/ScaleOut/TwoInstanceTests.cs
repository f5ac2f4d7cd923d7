using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.EndToEnd.Support;
using Npgsql;

namespace IntegrationBot.EndToEnd.ScaleOut;

/// <summary>
/// Two real hosts on one PostgreSQL (provider postgres): one web chat conversation whose messages go alternately and
/// concurrently to both instances is answered once per message, in order, with one consistent conversation state.
/// </summary>
public sealed class TwoInstanceTests
{
    private const string Variable = "IntegrationBot_TestPostgres";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_alternating_between_two_instances_are_each_answered_once_in_order()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(connectionString))
        {
            Assert.Skip($"PostgreSQL not configured: set {Variable} (.ci/run does).");
        }

        var schema = "e2e_" + Guid.NewGuid().ToString("N")[..16];
        var environment = new Dictionary<string, string>
        {
            ["IntegrationBot__Storage__Provider"] = "postgres",
            ["IntegrationBot__Storage__ConnectionString"] = connectionString,
            ["IntegrationBot__Storage__Schema"] = schema,
            // Both instances must accept each other's conversation tokens.
            ["IntegrationBot__Channels__WebChat__TokenSigningKey"] = "two-instance-test-signing-key-0123456789",
        };
        try
        {
            await using var a = await HostProcess.StartAsync(environment);
            await using var b = await HostProcess.StartAsync(environment);
            using var httpA = new HttpClient { BaseAddress = a.BaseAddress };
            using var httpB = new HttpClient { BaseAddress = b.BaseAddress };

            var token = await (await httpA.PostAsJsonAsync("/api/webchat/token", new { locale = "en" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
            var conversationId = token.GetProperty("conversationId").GetString()!;
            var bearer = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
            httpA.DefaultRequestHeaders.Authorization = bearer;
            httpB.DefaultRequestHeaders.Authorization = bearer;
            (await httpB.PostAsync("/v3/directline/conversations", null, Ct)).EnsureSuccessStatusCode();

            // Sequential, alternating: each POST commits its turn before returning, so replies must come in this order.
            var sequential = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                sequential.Add(await PostAsync(i % 2 == 0 ? httpA : httpB, conversationId, $"m{i}", $"client-{i}"));
            }

            // A resend of the same client activity to the other instance must not be answered again.
            Assert.Equal(sequential[3], await PostAsync(httpA, conversationId, "m3", "client-3"));

            // Concurrent: both instances run turns of the same conversation at once; the advisory lock serializes them.
            var concurrent = await Task.WhenAll(Enumerable.Range(10, 10).Select(i =>
                PostAsync(i % 2 == 0 ? httpA : httpB, conversationId, $"m{i}", $"client-{i}")));

            var replies = await WaitForRepliesAsync(httpB, conversationId, 1 + 20);
            Assert.Equal(sequential, replies.Where(r => sequential.Contains(r.ReplyTo!)).Select(r => r.ReplyTo!).ToList());
            foreach (var id in sequential.Concat(concurrent))
            {
                Assert.Single(replies, r => r.ReplyTo == id);
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(Ct);
            Assert.Equal(20, await MessagesCountedAsync(connection, schema, conversationId));
            Assert.Equal(0L, await ScalarAsync(connection, $"SELECT count(*) FROM \"{schema}\".outbox"));
        }
        finally
        {
            await using var cleanup = new NpgsqlConnection(connectionString);
            await cleanup.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", cleanup);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<string> PostAsync(HttpClient http, string conversationId, string text, string clientId)
    {
        var response = await http.PostAsJsonAsync(
            $"/v3/directline/conversations/{conversationId}/activities",
            new { type = "message", text, from = new { id = "user" }, channelData = new { clientActivityID = clientId } },
            Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    /// <summary>Polls the activity log until <paramref name="count"/> bot replies arrived (at most 30 s); returns them in log order.</summary>
    private static async Task<List<(string? ReplyTo, string? Text)>> WaitForRepliesAsync(HttpClient http, string conversationId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities", Ct);
            var replies = page.GetProperty("activities").EnumerateArray()
                .Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot")
                .Select(a => (a.TryGetProperty("replyToId", out var r) ? r.GetString() : null, a.TryGetProperty("text", out var t) ? t.GetString() : null))
                .ToList();
            if (replies.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(replies.Count == count, $"expected {count} bot replies, got {replies.Count}");
                return replies;
            }

            await Task.Delay(100, Ct);
        }
    }

    private static async Task<int> MessagesCountedAsync(NpgsqlConnection connection, string schema, string conversationId)
    {
        await using var command = new NpgsqlCommand($"SELECT json FROM \"{schema}\".state WHERE key = @k", connection);
        command.Parameters.AddWithValue("k", $"webchat/conversations/{conversationId}");
        var json = (string)(await command.ExecuteScalarAsync(Ct))!;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("echo").GetProperty("messages").GetInt32();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
