using System.Collections.Concurrent;
using System.Diagnostics;
using IntegrationBot.Storage.LiteDb.Engine;
using LiteDB;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// A steady load of turn-sized writes through the real writer, each recorded with the moment its caller heard it was
/// durable: what the host acknowledged, and when.
/// </summary>
internal sealed class AcknowledgedWrites : IAsyncDisposable
{
    public const string Collection = "turns";

    private readonly ConcurrentDictionary<long, long> _acknowledgedAt = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _writers = [];
    private long _next;

    private AcknowledgedWrites()
    {
    }

    public int Count => _acknowledgedAt.Count;

    public static AcknowledgedWrites Start(SharedLiteDatabase database, int writers)
    {
        var load = new AcknowledgedWrites();
        for (var i = 0; i < writers; i++)
        {
            load._writers.Add(Task.Run(() => load.WriteUntilStoppedAsync(database)));
        }

        return load;
    }

    /// <summary>The writes acknowledged before <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public IReadOnlyList<long> AcknowledgedBefore(long timestamp) =>
        [.. _acknowledgedAt.Where(write => write.Value < timestamp).Select(write => write.Key)];

    /// <summary>The ids of the writes in a database: a copy, opened as the host would open it.</summary>
    public static Task<HashSet<long>> IdsInAsync(SharedLiteDatabase database, CancellationToken ct) =>
        database.ReadAsync(db => db.GetCollection(Collection).FindAll().Select(d => d["_id"].AsInt64).ToHashSet(), ct);

    public async Task UntilAsync(int count, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {Count} of {count} writes acknowledged within 60 s");
            await Task.Delay(10, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
        _stop.Dispose();
    }

    private async Task WriteUntilStoppedAsync(SharedLiteDatabase database)
    {
        // About a turn's size: the state, the log lines and the outbox entries of one message.
        var text = new string('x', 1500);
        while (!_stop.IsCancellationRequested)
        {
            var id = Interlocked.Increment(ref _next);
            await database.WriteAsync(db => db.GetCollection(Collection).Insert(new BsonDocument { ["_id"] = id, ["text"] = text }), CancellationToken.None);
            _acknowledgedAt[id] = Stopwatch.GetTimestamp();
        }
    }
}
