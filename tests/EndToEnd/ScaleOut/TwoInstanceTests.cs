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
            // Instance B accepts A's token: both read the Data Protection key ring from the shared database.
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

            var posted = sequential.Concat(concurrent).ToList();
            var replies = await WaitForRepliesAsync(httpB, conversationId, posted);
            // Replies to the alternating messages come in the order the messages were sent.
            var firstReplyOrder = replies.Select(r => r.ReplyTo).Where(id => id is not null && sequential.Contains(id)).Distinct().ToList();
            Assert.Equal(sequential, firstReplyOrder!);
            // Nothing was answered twice: one reply set per message, and no reply delivered twice.
            Assert.Equal(replies.Count, replies.Select(r => r.Id).Distinct().Count());
            foreach (var id in posted)
            {
                var set = replies.Where(r => r.ReplyTo == id).Select(r => r.Text).ToList();
                Assert.NotEmpty(set);
                Assert.Equal(set.Count, set.Distinct().Count());
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(Ct);
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

    /// <summary>Polls the activity log until every posted message has a bot reply (at most 30 s); returns the replies in log order.</summary>
    private static async Task<List<(string? Id, string? ReplyTo, string? Text)>> WaitForRepliesAsync(HttpClient http, string conversationId, IReadOnlyList<string> posted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities", Ct);
            var replies = page.GetProperty("activities").EnumerateArray()
                .Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot")
                .Select(a => (a.GetProperty("id").GetString(), a.TryGetProperty("replyToId", out var r) ? r.GetString() : null, a.TryGetProperty("text", out var t) ? t.GetString() : null))
                .ToList();
            var unanswered = posted.Where(id => !replies.Any(r => r.Item2 == id)).ToList();
            if (unanswered.Count == 0 || DateTime.UtcNow > deadline)
            {
                Assert.True(unanswered.Count == 0, $"{unanswered.Count} messages got no reply");
                return replies;
            }

            await Task.Delay(100, Ct);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
