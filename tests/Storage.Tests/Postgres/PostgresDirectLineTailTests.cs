using System.Text.Json;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Storage.Postgres.DirectLine;
using IntegrationBot.Storage.Postgres.Notifications;
using IntegrationBot.Storage.Postgres.Privacy;
using IntegrationBot.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>
/// Web chat on PostgreSQL keeps recent activities in memory per instance (issue 19): an append's notification carries
/// the activity when it fits, so the other instance's streams take it without reading the log again, and erasures
/// reach every instance's memory. Round trips are counted from Npgsql's tracing; waits are on signals with deadlines.
/// </summary>
public sealed class PostgresDirectLineTailTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One host's web chat side: its log (with the memory in front), signals, stream and listener.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        public Instance(PostgresBackend backend)
        {
            Backend = backend;
            Recent = new RecentActivities(TimeProvider.System);
            Signals = new ConversationSignals();
            Log = new TailedDirectLineStore(new PostgresDirectLineStore(backend.Database, TimeProvider.System), Recent);
            Stream = new DirectLineStream(Log, Recent, Signals);
            Listener = new PostgresNotificationListener(
                backend.Database,
                [new DirectLineNotificationHandler(backend.Database, Signals, Recent)],
                TimeProvider.System,
                NullLogger<PostgresNotificationListener>.Instance);
        }

        public PostgresBackend Backend { get; }

        public RecentActivities Recent { get; }

        public ConversationSignals Signals { get; }

        public IDirectLineStore Log { get; }

        public DirectLineStream Stream { get; }

        public PostgresNotificationListener Listener { get; }

        public static async Task<Instance> StartAsync(PostgresBackend backend)
        {
            var instance = new Instance(backend);
            await instance.Listener.StartAsync(Ct);
            await instance.Listener.Listening.WaitAsync(Deadline, Ct);
            return instance;
        }

        public async ValueTask DisposeAsync()
        {
            await Listener.StopAsync(CancellationToken.None);
            Listener.Dispose();
        }
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "webchat",
        From = new ChannelAccount("bot", null, RoleTypes.Bot),
        Text = text,
    };

    private static List<string?> Texts(ActivitySetJson set) =>
        [.. JsonDocument.Parse(set.Json).RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var text) ? text.GetString() : null)];

    /// <summary>Appends on <paramref name="from"/> and waits until <paramref name="to"/>'s streams of the conversation are woken.</summary>
    private static async Task AppendAndWaitAsync(Instance from, Instance to, string conversationId, string text)
    {
        var woken = to.Signals.NextAppendAsync(conversationId);
        await from.Log.AppendAsync(conversationId, Message(text), null, Ct);
        await woken.WaitAsync(Deadline, Ct);
    }

    /// <summary>Reads what a stream of <paramref name="instance"/> would send after <paramref name="watermark"/>, counting round trips.</summary>
    private static async Task<(ActivitySetJson Set, int RoundTrips)> ReadAsync(Instance instance, string conversationId, long? watermark)
    {
        using var trips = new NpgsqlRoundTrips();
        var set = await trips.Measure(async () =>
        {
            Assert.True(await instance.Log.ConversationExistsAsync(conversationId, Ct));
            return await instance.Stream.ReadSetAsync(conversationId, watermark, Ct);
        });
        return (set, trips.Commands.Count);
    }

    [Fact]
    public async Task Two_instances_see_each_other_s_appends_from_memory_without_reading_the_log()
    {
        await using var first = await PostgresBackend.OpenAsync();
        await using var a = await Instance.StartAsync(first);
        await using var b = await Instance.StartAsync(first.Second());
        await a.Log.CreateConversationAsync("d1", "u1", "en", Ct);

        await AppendAndWaitAsync(a, b, "d1", "from a");
        var (onB, tripsOnB) = await ReadAsync(b, "d1", null);
        await AppendAndWaitAsync(b, a, "d1", "from b");
        var (onA, tripsOnA) = await ReadAsync(a, "d1", 1);
        await AppendAndWaitAsync(a, b, "d1", "from a again");
        var (again, tripsAgain) = await ReadAsync(b, "d1", onB.Watermark);

        Assert.Equal(["from a"], Texts(onB));
        Assert.Equal((1L, 0), (onB.Watermark, tripsOnB));
        Assert.Equal(["from b"], Texts(onA));
        Assert.Equal((2L, 0), (onA.Watermark, tripsOnA));
        // B's own append is in its memory too: after its watermark 1, both activities, each once.
        Assert.Equal(["from b", "from a again"], Texts(again));
        Assert.Equal((3L, 0), (again.Watermark, tripsAgain));
        // What memory served is what the log holds.
        Assert.Equal(["from a", "from b", "from a again"], (await b.Backend.DirectLine(TimeProvider.System).ReadAsync("d1", null, Ct)).Activities.Select(x => x.Text));
    }

    [Fact]
    public async Task An_activity_too_large_for_a_notification_is_read_from_the_log_once_and_the_next_from_memory()
    {
        await using var first = await PostgresBackend.OpenAsync();
        await using var a = await Instance.StartAsync(first);
        await using var b = await Instance.StartAsync(first.Second());
        await a.Log.CreateConversationAsync("d1", "u1", "en", Ct);
        await AppendAndWaitAsync(a, b, "d1", "small");
        var (small, _) = await ReadAsync(b, "d1", null);
        var large = new string('ž', 5000);

        await AppendAndWaitAsync(a, b, "d1", large);
        var (read, readTrips) = await ReadAsync(b, "d1", small.Watermark);
        await AppendAndWaitAsync(a, b, "d1", "after");
        var (after, afterTrips) = await ReadAsync(b, "d1", read.Watermark);

        Assert.Equal([large], Texts(read));
        Assert.Equal(2L, read.Watermark);
        Assert.True(readTrips >= 1, "the large activity was not read from the log");
        Assert.Equal(["after"], Texts(after));
        Assert.Equal((3L, 0), (after.Watermark, afterTrips));
    }

    [Fact]
    public async Task An_erasure_on_one_instance_empties_the_other_s_memory()
    {
        await using var first = await PostgresBackend.OpenAsync();
        await using var a = await Instance.StartAsync(first);
        await using var b = await Instance.StartAsync(first.Second());
        await a.Log.CreateConversationAsync("d1", "u1", "en", Ct);
        await a.Log.CreateConversationAsync("d2", "u2", "en", Ct);
        await AppendAndWaitAsync(a, b, "d1", "private 1");
        await AppendAndWaitAsync(a, b, "d2", "private 2");
        Assert.True(b.Recent.Knows("d1") && b.Recent.Knows("d2"));

        await a.Log.ClearActivitiesAsync("d1", Ct);
        await new PostgresDirectLineUserData(a.Backend.Database, a.Recent).DeleteUserDataAsync("webchat", "u2", Ct);

        await WaitUntilAsync(() => !b.Recent.Knows("d1") && !b.Recent.Knows("d2"));
        Assert.Empty(Texts(await b.Stream.ReadSetAsync("d1", null, Ct)));
        Assert.Empty(Texts(await b.Stream.ReadSetAsync("d2", null, Ct)));
        Assert.False(await b.Log.ConversationExistsAsync("d2", Ct));
        Assert.False(a.Recent.Knows("d2"));
    }

    /// <summary>Waits for a condition set by the other instance's listener (deadline 15 s), checking every 20 ms.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the other instance never forgot the erased conversations");
            await Task.Delay(20, Ct);
        }
    }
}
