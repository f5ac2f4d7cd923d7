using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using IntegrationBot.Storage.Tests.Support;
using IntegrationBot.TestSupport;
using Npgsql;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>Retention of PostgreSQL-only bookkeeping: the outbox sequence counters, which name their conversation.</summary>
public sealed class PostgresRetentionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_counter_idle_for_the_period_with_no_entry_left_is_purged_and_numbering_restarts()
    {
        await using var store = await PostgresBackend.OpenAsync();
        var time = new ManualTimeProvider(Start);
        var turns = store.TurnStore(time);
        var runtime = store.RuntimeUserData([]);
        await turns.CommitAsync(Turn("idle"), Ct);
        await turns.CommitAsync(Turn("owed"), Ct);
        await store.Outbox.MarkDeliveredAsync(OutboxEntry.IdFor("idle", 1), Ct);
        time.Advance(TimeSpan.FromDays(3));
        await turns.CommitAsync(Turn("recent"), Ct);
        await store.Outbox.MarkDeliveredAsync(OutboxEntry.IdFor("recent", 1), Ct);

        Assert.Equal(1, await runtime.Retention.PurgeOlderThanAsync(Start.AddDays(1), Ct));

        Assert.Equal(["owed", "recent"], await CountersAsync(store.Database));
        await turns.CommitAsync(Turn("idle"), Ct);
        Assert.Equal(1L, (await store.Outbox.ListDueHeadsAsync(Start.AddDays(3), Ct)).Single(h => h.ConversationKey == "idle").Sequence);
    }

    private static TurnCommit Turn(string conversation) => new(
        conversation,
        null,
        new Dictionary<string, StoredItem>(),
        [new Activity { ChannelId = "telegram", Conversation = new ConversationAccount(conversation), Text = "reply" }]);

    private static async Task<List<string>> CountersAsync(PostgresDatabase database)
    {
        await using var connection = await database.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT conversation FROM outbox_sequence ORDER BY conversation", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var names = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
