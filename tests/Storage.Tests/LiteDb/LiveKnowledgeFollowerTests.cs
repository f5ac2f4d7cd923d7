using IntegrationBot.Editing.Institutions;
using IntegrationBot.Editing.Live;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Knowledge;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Storage.Tests.LiteDb;

/// <summary>
/// An edit announced from another instance must become live here even when loading it fails once (a database timeout
/// under load): before, the failure was logged and this instance answered with the old phone number until a restart.
/// </summary>
public sealed class LiveKnowledgeFollowerTests
{
    private const string NewPhone = "05 700 12 34";

    [Fact]
    public async Task A_directory_entry_whose_first_load_fails_is_live_after_the_pause_and_not_before()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        using var database = data.Open();
        var store = new FailingFirstLoads(new LiteDbDirectoryEntryStore(database), failures: 1);
        var engine = new KnowledgeEngine(TopicCatalog.LoadDefault());
        var time = new FakeTimeProvider();
        using var follower = Follower(engine, database, store, time);
        var entry = engine.Catalog.Directory.Find("zd-postojna")! with { Phone = NewPhone };
        Assert.True(await store.AppendAsync(new DirectoryEntryVersion(entry.Id, 1, "Mojca", time.GetUtcNow(), entry), ct));

        var following = follower.FollowDirectoryEntryAsync(entry.Id);
        await store.Failed.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);

        // The try failed and the next waits for the clock, which has not moved: nothing can have applied it.
        Assert.NotEqual(NewPhone, engine.Catalog.Directory.Find("zd-postojna")!.Phone);
        Assert.False(following.IsCompleted);

        await PumpClockUntilAsync(time, following, ct);
        Assert.Equal(NewPhone, engine.Catalog.Directory.Find("zd-postojna")!.Phone);
        Assert.Equal(2, store.Loads);
    }

    [Fact]
    public async Task Repeated_failures_are_tried_again_with_growing_pauses_until_the_entry_is_live()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        using var database = data.Open();
        var store = new FailingFirstLoads(new LiteDbDirectoryEntryStore(database), failures: 6);
        var engine = new KnowledgeEngine(TopicCatalog.LoadDefault());
        var time = new FakeTimeProvider();
        using var follower = Follower(engine, database, store, time);
        var entry = engine.Catalog.Directory.Find("zd-postojna")! with { Phone = NewPhone };
        Assert.True(await store.AppendAsync(new DirectoryEntryVersion(entry.Id, 1, "Mojca", time.GetUtcNow(), entry), ct));
        var start = time.GetUtcNow();

        await PumpClockUntilAsync(time, follower.FollowDirectoryEntryAsync(entry.Id), ct);

        Assert.Equal(NewPhone, engine.Catalog.Directory.Find("zd-postojna")!.Phone);
        Assert.Equal(7, store.Loads);
        // Pauses of 0.25, 0.5, 1, 2, 4 and 8 s: a struggling database is not hammered, and the entry is still live soon.
        Assert.InRange(time.GetUtcNow() - start, TimeSpan.FromSeconds(15.75), TimeSpan.FromSeconds(25));
    }

    [Fact]
    public async Task Stopping_the_host_ends_a_follow_that_keeps_failing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        using var database = data.Open();
        var store = new FailingFirstLoads(new LiteDbDirectoryEntryStore(database), failures: int.MaxValue);
        var engine = new KnowledgeEngine(TopicCatalog.LoadDefault());
        var follower = Follower(engine, database, store, new FakeTimeProvider());

        var following = follower.FollowDirectoryEntryAsync("zd-postojna");
        await store.Failed.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        follower.Dispose();

        await following.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.Equal(TaskStatus.RanToCompletion, following.Status);
    }

    [Fact]
    public async Task A_notification_handled_while_the_host_stops_ends_quietly()
    {
        // The listener can hand over one more notification while the container disposes the follower: it must not
        // throw on the listener's thread.
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        using var database = data.Open();
        var engine = new KnowledgeEngine(TopicCatalog.LoadDefault());
        var follower = Follower(engine, database, new LiteDbDirectoryEntryStore(database), new FakeTimeProvider());
        follower.Dispose();

        var following = follower.FollowDirectoryEntryAsync("zd-postojna");

        await following.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.Equal(TaskStatus.RanToCompletion, following.Status);
    }

    private static LiveKnowledgeFollower Follower(KnowledgeEngine engine, SharedLiteDatabase database, IDirectoryEntryStore directory, TimeProvider time)
    {
        var live = new LiveKnowledge(engine, new LiteDbTopicContentStore(database), directory, NullLogger<LiveKnowledge>.Instance);
        return new LiveKnowledgeFollower(live, time, NullLogger<LiveKnowledgeFollower>.Instance);
    }

    // Moves the fake clock a second at a time until the follow completes: each pause is a timer on that clock, and a
    // step taken before the follower set its timer is simply followed by another one (bounded by a real deadline).
    private static async Task PumpClockUntilAsync(FakeTimeProvider time, Task following, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!following.IsCompleted && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(following, Task.Delay(20, ct));
        }

        await following.WaitAsync(TimeSpan.FromSeconds(1), ct);
    }

    /// <summary>The real store, except that its first loads of the latest version throw, as a timed-out query does.</summary>
    private sealed class FailingFirstLoads(IDirectoryEntryStore inner, int failures) : IDirectoryEntryStore
    {
        private int _loads;

        public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Loads => Volatile.Read(ref _loads);

        public Task<bool> AppendAsync(DirectoryEntryVersion version, CancellationToken cancellationToken) => inner.AppendAsync(version, cancellationToken);

        public Task<DirectoryEntryVersion?> LatestAsync(string entryId, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _loads) <= failures)
            {
                Failed.TrySetResult();
                throw new TimeoutException("Timeout during reading attempt");
            }

            return inner.LatestAsync(entryId, cancellationToken);
        }

        public Task<IReadOnlyList<DirectoryEntryVersion>> VersionsAsync(string entryId, CancellationToken cancellationToken) => inner.VersionsAsync(entryId, cancellationToken);

        public Task<IReadOnlyList<DirectoryEntryVersion>> LatestOfEachAsync(CancellationToken cancellationToken) => inner.LatestOfEachAsync(cancellationToken);
    }
}
