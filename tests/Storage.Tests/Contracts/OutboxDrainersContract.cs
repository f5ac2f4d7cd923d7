using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>Two hosts draining one outbox: every entry is delivered exactly once, each conversation in order.</summary>
public abstract class OutboxDrainersContract : StoreContract
{
    [Fact]
    public async Task Two_concurrent_drainers_deliver_every_entry_exactly_once_in_order()
    {
        await using var first = await OpenAsync();
        await using var second = await first.SecondInstanceAsync();
        if (second is null)
        {
            Assert.Skip("This provider serves one process (one dispatcher per database file); several drainers need PostgreSQL.");
        }

        var turns = first.TurnStore(TimeProvider.System);
        const int conversations = 20;
        const int perConversation = 10;
        for (var m = 0; m < perConversation; m++)
        {
            for (var c = 0; c < conversations; c++)
            {
                await turns.CommitAsync(new TurnCommit($"c{c}", $"in-{c}-{m}", new Dictionary<string, Dialogs.Storage.StoredItem>(), [Message("test", $"c{c}", $"{m}")]), Ct);
            }
        }

        var sender = new RecordingSender("test");
        var drainers = new[] { Dispatcher(first.Outbox, sender), Dispatcher(second.Outbox, sender) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        await Task.WhenAll(drainers.Select(d => Task.Run(async () =>
        {
            while (await first.Outbox.NextDueAsync(Ct) is not null && DateTime.UtcNow < deadline)
            {
                await d.DrainOnceAsync(Ct);
            }
        })));

        var delivered = sender.Delivered;
        Assert.Equal(conversations * perConversation, delivered.Count);
        foreach (var conversation in delivered.GroupBy(a => a.Conversation!.Id))
        {
            Assert.Equal([.. Enumerable.Range(0, perConversation).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], conversation.Select(a => a.Text));
        }
    }

    private static OutboxDispatcher Dispatcher(IOutboxStore store, IChannelSender sender) => new(
        store,
        [sender],
        new OutboxSignal(),
        Options.Create(new OutboxOptions()),
        TimeProvider.System,
        NullLogger<OutboxDispatcher>.Instance);
}
