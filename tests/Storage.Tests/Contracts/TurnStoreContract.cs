using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>ITurnStore and IOutboxStore: the atomic turn commit, inbound dedupe, and per-conversation outbox order.</summary>
public abstract class TurnStoreContract : StoreContract
{
    [Fact]
    public async Task Commit_writes_state_outbox_entries_and_the_inbound_key_together()
    {
        await using var store = await OpenAsync();
        var time = new FakeTimeProvider(Start);
        var turns = store.TurnStore(time);

        var outcome = await turns.CommitAsync(Turn("c1", "in-1", ("s", new StoredItem("{}")), "hello", "world"), Ct);

        Assert.Equal(CommitOutcome.Committed, outcome);
        Assert.True(await turns.IsProcessedAsync("in-1", Ct));
        Assert.True((await store.Storage.ReadAsync(["s"], Ct)).ContainsKey("s"));
        var head = Assert.Single(await store.Outbox.ListDueHeadsAsync(Start, Ct));
        Assert.Equal((1L, "hello", "c1"), (head.Sequence, head.Activity.Text, head.ConversationKey));
        Assert.Equal(OutboxEntry.IdFor("c1", 1), head.Id);
    }

    [Fact]
    public async Task A_repeated_inbound_key_is_Duplicate_and_writes_nothing()
    {
        await using var store = await OpenAsync();
        var turns = store.TurnStore(new FakeTimeProvider(Start));
        await turns.CommitAsync(Turn("c1", "in-1", ("s", new StoredItem("1")), "first"), Ct);

        var outcome = await turns.CommitAsync(Turn("c1", "in-1", ("s", new StoredItem("2", StoredItem.AnyETag)), "again"), Ct);

        Assert.Equal(CommitOutcome.Duplicate, outcome);
        Assert.Equal("1", (await store.Storage.ReadAsync(["s"], Ct))["s"].Json);
        Assert.Equal(["first"], await DrainTextsAsync(store.Outbox));
    }

    [Fact]
    public async Task A_stale_state_etag_makes_the_commit_a_Conflict_that_writes_nothing()
    {
        await using var store = await OpenAsync();
        var turns = store.TurnStore(new FakeTimeProvider(Start));
        await store.Storage.WriteAsync(new Dictionary<string, StoredItem> { ["s"] = new("1") }, Ct);

        var outcome = await turns.CommitAsync(Turn("c1", "in-1", ("s", new StoredItem("2", "stale")), "reply"), Ct);

        Assert.Equal(CommitOutcome.Conflict, outcome);
        Assert.False(await turns.IsProcessedAsync("in-1", Ct));
        Assert.Empty(await store.Outbox.ListDueHeadsAsync(Start, Ct));
        Assert.Equal("1", (await store.Storage.ReadAsync(["s"], Ct))["s"].Json);
    }

    [Fact]
    public async Task Concurrent_commits_of_one_inbound_key_commit_once()
    {
        await using var store = await OpenAsync();
        var turns = store.TurnStore(new FakeTimeProvider(Start));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            turns.CommitAsync(Turn("c1", "in-1", ($"s{i}", new StoredItem("{}")), $"reply {i}"), Ct)));

        Assert.Single(outcomes, o => o == CommitOutcome.Committed);
        Assert.All(outcomes.Where(o => o != CommitOutcome.Committed), o => Assert.Equal(CommitOutcome.Duplicate, o));
        Assert.Single(await DrainTextsAsync(store.Outbox));
    }

    [Fact]
    public async Task Outbox_sequence_continues_per_conversation_and_heads_are_the_oldest_entries()
    {
        await using var store = await OpenAsync();
        var turns = store.TurnStore(new FakeTimeProvider(Start));
        await turns.CommitAsync(Turn("c1", "in-1", null, "a1", "a2"), Ct);
        await turns.CommitAsync(Turn("c2", "in-2", null, "b1"), Ct);
        await turns.CommitAsync(Turn("c1", "in-3", null, "a3"), Ct);

        var heads = await store.Outbox.ListDueHeadsAsync(Start, Ct);

        Assert.Equal([("c1", 1L), ("c2", 1L)], heads.Select(h => (h.ConversationKey, h.Sequence)).OrderBy(h => h.ConversationKey));
        foreach (var head in heads)
        {
            await store.Outbox.MarkDeliveredAsync(head.Id, Ct);
        }

        Assert.Equal(["a2", "a3"], await DrainTextsAsync(store.Outbox));
        Assert.Null(await store.Outbox.NextDueAsync(Ct));
    }

    [Fact]
    public async Task A_rescheduled_head_holds_back_its_conversation_until_it_is_due()
    {
        await using var store = await OpenAsync();
        var turns = store.TurnStore(new FakeTimeProvider(Start));
        await turns.CommitAsync(Turn("c1", "in-1", null, "a1", "a2"), Ct);
        var head = Assert.Single(await store.Outbox.ListDueHeadsAsync(Start, Ct));

        await store.Outbox.RescheduleAsync(head.Id, 1, Start.AddMinutes(5), "429", Ct);

        Assert.Empty(await store.Outbox.ListDueHeadsAsync(Start.AddMinutes(4), Ct));
        Assert.Equal(Start.AddMinutes(5), await store.Outbox.NextDueAsync(Ct));
        var retried = Assert.Single(await store.Outbox.ListDueHeadsAsync(Start.AddMinutes(5), Ct));
        Assert.Equal((head.Id, 1, "429"), (retried.Id, retried.Attempts, retried.LastError));
    }

    [Fact]
    public async Task A_dead_lettered_head_is_listed_and_releases_the_next_entry()
    {
        await using var store = await OpenAsync();
        var turns = store.TurnStore(new FakeTimeProvider(Start));
        await turns.CommitAsync(Turn("c1", "in-1", null, "a1", "a2"), Ct);
        var head = Assert.Single(await store.Outbox.ListDueHeadsAsync(Start, Ct));

        await store.Outbox.DeadLetterAsync(head.Id, 3, "blocked", Ct);

        var dead = Assert.Single(await store.Outbox.ListDeadLettersAsync(Ct));
        Assert.Equal((head.Id, OutboxStatus.DeadLettered, 3, "blocked"), (dead.Id, dead.Status, dead.Attempts, dead.LastError));
        Assert.Equal(["a2"], await DrainTextsAsync(store.Outbox));
    }

    [Fact]
    public async Task A_counselor_messages_id_stays_with_its_outbox_entries_pending_and_dead_lettered()
    {
        await using var store = await OpenAsync();
        var turns = store.TurnStore(new FakeTimeProvider(Start));
        var handoff = Guid.NewGuid();
        var tagged = CounselorMessageTag.Mark(VerbatimText.Mark(Message("test", "c1", "Maja · counselor\nhello")), handoff, "m-1");
        await turns.CommitAsync(new TurnCommit("c1", null, new Dictionary<string, StoredItem>(), [tagged, Message("test", "c1", "later")]), Ct);

        var head = Assert.Single(await store.Outbox.ListDueHeadsAsync(Start, Ct));
        Assert.Equal((handoff, "m-1"), CounselorMessageTag.Read(head.Activity));
        Assert.True(VerbatimText.IsVerbatim(head.Activity));
        await store.Outbox.DeadLetterAsync(head.Id, 1, "unreachable: blocked", Ct);

        var dead = Assert.Single(await store.Outbox.ListDeadLettersAsync(Ct));
        Assert.Equal((handoff, "m-1"), CounselorMessageTag.Read(dead.Activity));
        Assert.Null(CounselorMessageTag.Read(Assert.Single(await store.Outbox.ListDueHeadsAsync(Start, Ct)).Activity));
    }

    protected static TurnCommit Turn(string conversation, string? inbound, (string Key, StoredItem Item)? state, params string[] replies) => new(
        conversation,
        inbound,
        state is { } s ? new Dictionary<string, StoredItem> { [s.Key] = s.Item } : new Dictionary<string, StoredItem>(),
        [.. replies.Select(text => Message("test", conversation, text))]);

    /// <summary>Delivers everything due (far in the future), in order, and returns the texts.</summary>
    protected static async Task<List<string?>> DrainTextsAsync(IOutboxStore outbox)
    {
        var texts = new List<string?>();
        var later = Start.AddYears(1);
        for (var heads = await outbox.ListDueHeadsAsync(later, Ct); heads.Count > 0; heads = await outbox.ListDueHeadsAsync(later, Ct))
        {
            foreach (var head in heads)
            {
                texts.Add(head.Activity.Text);
                await outbox.MarkDeliveredAsync(head.Id, Ct);
            }
        }

        return texts;
    }
}
