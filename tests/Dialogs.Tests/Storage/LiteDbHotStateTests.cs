using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Outbox;
using IntegrationBot.Storage.LiteDb.Privacy;
using IntegrationBot.Storage.LiteDb.State;
using IntegrationBot.TestSupport;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// Issue 19: on LiteDB the state of active conversations and the pending outbox live in memory, written through and
/// bounded. A write made behind the cache's back (straight into the file) shows whether a turn read memory or the
/// file: a turn that read memory loses the eTag race and runs twice; a turn that read the file runs once.
/// </summary>
public sealed class LiteDbHotStateTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class CounterBot(TestAdapter adapter) : IBot
    {
        private readonly IStatePropertyAccessor<int> _count = adapter.ConversationState.CreateProperty<int>("count");

        public int Runs { get; private set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Runs++;
            var count = await _count.GetAsync(turnContext, () => 0, cancellationToken) + 1;
            await _count.SetAsync(turnContext, count, cancellationToken);
            await turnContext.SendActivityAsync($"{turnContext.Activity.Conversation!.Id} count {count}", cancellationToken);
        }
    }

    private sealed class Host : IDisposable
    {
        public Host(TempDataDirectory directory, TimeProvider time, LiteDbHotState? hot = null)
        {
            Database = directory.Open();
            if (hot is not null)
            {
                LiteDbHotState.Attach(Database, hot);
            }

            Hot = LiteDbHotState.For(Database);
            Adapter = TestAdapter.Create(new LiteDbStorage(Database), new LiteDbTurnStore(Database, time), new LiteDbOutboxStore(Database), time);
            Bot = new CounterBot(Adapter);
        }

        public SharedLiteDatabase Database { get; }

        public LiteDbHotState Hot { get; }

        public TestAdapter Adapter { get; }

        public CounterBot Bot { get; }

        public Task<TurnResult> TurnAsync(string conversation, string text)
        {
            Adapter.ConversationId = conversation;
            Adapter.User = new ChannelAccount("user-" + conversation, null, RoleTypes.User);
            return Adapter.SendAsync(Adapter.MakeMessage(text), Bot, Ct);
        }

        /// <summary>Another writer changes the conversation's count in the file, bypassing every store (and so the cache).
        /// Like erasure and retention it drops what the writer knows of the document's eTag (<see cref="LiteDbFileFacts"/>),
        /// so the commit's check reads the file; the cache of reads keeps the old count.</summary>
        public Task WriteBehindTheCacheAsync(string conversation, int count)
        {
            Adapter.ConversationId = conversation;
            var key = Adapter.ConversationState.GetStorageKey(Adapter.MakeMessage(null));
            return Database.WriteAsync(
                db =>
                {
                    Hot.Facts.Forget(key);
                    return db.GetCollection(LiteDbDocuments.StateCollection).Upsert(new BsonDocument
                    {
                        ["_id"] = key,
                        ["json"] = $"{{\"count\":{count}}}",
                        ["etag"] = "behind-the-cache",
                        ["updated"] = DateTime.UtcNow.Ticks,
                    });
                },
                Ct);
        }

        public void Dispose() => Database.Dispose();
    }

    [Fact]
    public void The_cache_stays_within_its_count_and_byte_bounds_and_evicts_the_least_recently_used_first()
    {
        var byCount = new LiteDbStateCache(maxDocuments: 3, maxBytes: 1_000_000);
        byCount.Written("a", new StoredItem("{}", "1"));
        byCount.Written("b", new StoredItem("{}", "1"));
        byCount.Written("c", new StoredItem("{}", "1"));
        Assert.True(byCount.TryGet("a", out _)); // a is now the most recently used; b the least
        byCount.Written("d", new StoredItem("{}", "1"));

        Assert.Equal(3, byCount.Count);
        Assert.False(byCount.TryGet("b", out _));
        Assert.True(byCount.TryGet("a", out _) && byCount.TryGet("c", out _) && byCount.TryGet("d", out _));
        Assert.Equal(1, byCount.Evictions);

        var byBytes = new LiteDbStateCache(maxDocuments: 1_000, maxBytes: 4_096);
        for (var i = 0; i < 100; i++)
        {
            byBytes.Written($"k{i}", new StoredItem(new string('x', 300), "1"));
            Assert.InRange(byBytes.Bytes, 1, 4_096);
        }

        Assert.True(byBytes.TryGet("k99", out _));
        Assert.False(byBytes.TryGet("k0", out _));
        Assert.Equal(100 - byBytes.Count, byBytes.Evictions);
    }

    [Fact]
    public void A_read_that_began_before_a_write_is_not_cached()
    {
        var cache = new LiteDbStateCache(10, 1_000_000);
        var before = cache.Generation;
        cache.Written("k", new StoredItem("new", "2"));

        cache.Read("k", new StoredItem("old", "1"), before);

        Assert.True(cache.TryGet("k", out var item));
        Assert.Equal("new", item.Json);
    }

    [Fact]
    public async Task A_turn_of_a_cached_conversation_reads_its_state_from_memory()
    {
        using var host = new Host(_directory, _time);
        await host.TurnAsync("a", "1");
        await host.WriteBehindTheCacheAsync("a", 10);
        var runs = host.Bot.Runs;

        await host.TurnAsync("a", "2");

        // Memory still said count 1: the turn ran on it, lost the eTag race against the file and reran on the file's 10.
        Assert.Equal(2, host.Bot.Runs - runs);
        Assert.Equal(["a count 1", "a count 11"], host.Adapter.Sender.Delivered.Select(a => a.Text));
    }

    [Fact]
    public async Task A_turn_after_its_conversation_was_evicted_reads_the_file()
    {
        // One document: the bot keeps only conversation state, so a turn in "b" evicts "a".
        using var host = new Host(_directory, _time, new LiteDbHotState(cachedDocuments: 1, cacheBytes: 1_000_000, outboxEntries: 100));
        await host.TurnAsync("a", "1");
        await host.TurnAsync("b", "1");
        await host.WriteBehindTheCacheAsync("a", 10);
        var runs = host.Bot.Runs;

        await host.TurnAsync("a", "2");

        Assert.Equal(1, host.Bot.Runs - runs);
        Assert.Equal(["a count 1", "b count 1", "a count 11"], host.Adapter.Sender.Delivered.Select(a => a.Text));
        Assert.True(host.Hot.State.Evictions > 0);
    }

    [Fact]
    public async Task Under_memory_pressure_many_conversations_continue_correctly_within_the_byte_bound()
    {
        using var host = new Host(_directory, _time, new LiteDbHotState(cachedDocuments: 1_000, cacheBytes: 2_048, outboxEntries: 1_000));
        var conversations = Enumerable.Range(0, 30).Select(i => $"c{i}").ToList();

        foreach (var round in new[] { 1, 2 })
        {
            foreach (var conversation in conversations)
            {
                await host.TurnAsync(conversation, round.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.InRange(host.Hot.State.Bytes, 0, 2_048);
            }
        }

        Assert.True(host.Hot.State.Evictions >= 30);
        Assert.Equal(60, host.Bot.Runs);
        Assert.Equal(
            [.. conversations.Select(c => $"{c} count 1"), .. conversations.Select(c => $"{c} count 2")],
            host.Adapter.Sender.Delivered.Select(a => a.Text));
    }

    [Fact]
    public async Task A_crash_after_the_commit_and_before_delivery_loses_and_duplicates_nothing()
    {
        using (var host = new Host(_directory, _time))
        {
            // The outbox copy in memory is loaded and in use: one turn delivered from it.
            await host.TurnAsync("a", "1");
            Assert.True(host.Hot.Outbox.IsLoaded);

            // Committed (durable) but not delivered: the process "dies" before the dispatcher runs.
            host.Adapter.ConversationId = "a";
            await host.Adapter.ProcessActivityAsync(host.Adapter.MakeMessage("2"), host.Bot, Ct);
            host.Adapter.ConversationId = "b";
            await host.Adapter.ProcessActivityAsync(host.Adapter.MakeMessage("1"), host.Bot, Ct);
            Assert.Equal(2, host.Hot.Outbox.Heads()!.Count);
        }

        using (var host = new Host(_directory, _time))
        {
            Assert.False(host.Hot.Outbox.IsLoaded);
            Assert.Equal(2, await host.Adapter.Dispatcher.DrainOnceAsync(Ct));
            Assert.Equal(0, await host.Adapter.Dispatcher.DrainOnceAsync(Ct));
            Assert.Equal(["a count 2", "b count 1"], host.Adapter.Sender.Delivered.Select(a => a.Text).Order());

            // The next turn continues from the file's state, not from a fresh start.
            await host.TurnAsync("a", "3");
            Assert.Equal("a count 3", host.Adapter.Sender.Delivered[^1].Text);
        }

        using (var host = new Host(_directory, _time))
        {
            Assert.Equal(0, await host.Adapter.Dispatcher.DrainOnceAsync(Ct));
        }
    }

    [Fact]
    public async Task Deleting_state_through_the_store_drops_it_from_memory()
    {
        using var host = new Host(_directory, _time);
        await host.TurnAsync("a", "1");
        var key = host.Adapter.ConversationState.GetStorageKey(host.Adapter.MakeMessage(null));
        Assert.True(host.Hot.State.TryGet(key, out _));

        await host.Adapter.Storage.DeleteAsync([key], Ct);

        Assert.False(host.Hot.State.TryGet(key, out _));
        Assert.Empty(await host.Adapter.Storage.ReadAsync([key], Ct));
    }

    [Fact]
    public async Task The_retention_purge_reaches_the_copy_in_memory()
    {
        using var host = new Host(_directory, _time);
        await host.TurnAsync("a", "1");
        Assert.True(host.Hot.State.Count > 0);
        var runs = host.Bot.Runs;

        // Everything written so far is older than this cutoff ("updated" is wall-clock time).
        await new DialogsUserData(host.Database, [], _time).PurgeOlderThanAsync(DateTimeOffset.UtcNow.AddDays(1), Ct);

        Assert.Equal(0, host.Hot.State.Count);
        await host.TurnAsync("a", "2");
        // Started afresh from the file, in one run: no purged copy was read first.
        Assert.Equal(1, host.Bot.Runs - runs);
        Assert.Equal("a count 1", host.Adapter.Sender.Delivered[^1].Text);
    }

    public void Dispose() => _directory.Dispose();
}
