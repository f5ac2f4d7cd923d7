using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Bot.Tests.Privacy;

public sealed class RetentionTests
{
    [Fact]
    public async Task Purge_removes_expired_web_chat_texts_processed_ids_and_dead_letters_but_not_recent_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var (chat, marker) = await ErasureTests.ChatWithMarkerAsync(host, "OLDTEXT-5c1e", ct);
        await ErasureTests.AddDeadLetterTo(host, chat, "DEADLETTER-5c1e");
        var stores = host.Services.GetServices<IRetentionPurgeable>().ToList();

        var removedNothing = 0;
        foreach (var store in stores)
        {
            removedNothing += await store.PurgeOlderThanAsync(DateTimeOffset.UtcNow.AddDays(-90), ct);
        }

        Assert.Equal(1, removedNothing);
        Assert.Contains(marker, ErasureTests.Dump(host), StringComparison.Ordinal);
        Assert.DoesNotContain("DEADLETTER-5c1e", ErasureTests.Dump(host), StringComparison.Ordinal);

        foreach (var store in stores)
        {
            await store.PurgeOlderThanAsync(DateTimeOffset.UtcNow.AddMinutes(1), ct);
        }

        var dump = ErasureTests.Dump(host);
        Assert.DoesNotContain(marker, dump, StringComparison.Ordinal);
        Assert.DoesNotContain("\ninbound ", dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Privacy_retention_days_also_sets_the_handoff_retention()
    {
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Privacy:RetentionDays"] = "30" });

        Assert.Equal(30, host.Get<IOptions<HandoffOptions>>().Value.RetentionDays);
    }
}
