using IntegrationBot.Dialogs.Storage;
using IntegrationBot.EndToEnd.Support;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.EndToEnd.Reliability;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_delivers_committed_replies_exits_0_and_leaves_a_clean_database()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await HostProcess.StartAsync(CrashRecoveryTests.Settings);
        using var client = new DirectLineHttp(host.BaseAddress);
        var conversations = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.OpenAsync(ct)));
        var messages = conversations.Select((c, i) => new SentMessage(c, $"before sigterm {i}")).ToList();
        await Task.WhenAll(messages.Select(async m => m.AcceptedId = await client.PostAsync(m.Conversation, m.Text, m.ClientActivityId, ct)));
        Assert.All(messages, m => Assert.NotNull(m.AcceptedId));

        var exitCode = await host.TerminateAsync(TimeSpan.FromSeconds(40));

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{host.Output}");
        Assert.Contains("Shutdown: running turns finished", host.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(host.DataPath, "integrationbot.db.lock")));
        using (var db = LiteDbDatabaseFactory.Open(new StorageOptions { Path = host.DataPath }))
        {
            Assert.Equal(0, db.Database.GetCollection("outbox").Count());
            var log = db.Database.GetCollection("directline_activities").FindAll().Select(d => d["Json"].AsString).ToList();
            Assert.All(messages, m => Assert.Contains(log, json => json.Contains($"\"replyToId\":\"{m.AcceptedId}\"", StringComparison.Ordinal)));
        }

        await host.StartAgainAsync();
        var again = await client.PostAsync(conversations[0], "after restart", Guid.NewGuid().ToString("N"), ct);
        Assert.NotNull(again);
    }
}
