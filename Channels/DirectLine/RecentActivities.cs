using System.Collections.Concurrent;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// The last few activities appended to each web chat conversation in this process, already serialized as JSON, so a
/// connected stream (or a poll) gets a new reply without reading the store and without serializing it again.
/// </summary>
/// <remarks>
/// The store decorator <see cref="TailedDirectLineStore"/> feeds it with this process's appends; with a store shared by
/// several instances (PostgreSQL) the store's notifications feed it with the others' (an append that could not ride
/// along drops the conversation instead), so a conversation's tail knows every activity after its floor. A reader
/// whose watermark is below the floor (a resume from long ago, a conversation evicted or not seen since the start) gets
/// <c>null</c> and reads the store. Bounded per conversation and in total; idle conversations are evicted.
/// </remarks>
public sealed class RecentActivities(TimeProvider time)
{
    /// <summary>Activities kept per conversation: a turn appends the user's message and one to three replies.</summary>
    public const int PerConversation = 16;

    /// <summary>All tails together stay under this many bytes of JSON; the least recently active go first.</summary>
    /// <remarks>
    /// 4 MB holds a turn (the user's message and its replies, ~3 KB) of over a thousand conversations, far more than
    /// talk at once. A tail evicted for the bound costs nothing to a page that keeps up: the conversation's next append
    /// starts a new tail right after the page's watermark. 16 MB held the tails of every conversation of the last ten
    /// minutes in a 10,000-conversation load and, with the garbage collector's room around them, 28 MB of the host's
    /// peak (docs/benchmarks.md, issue 19 peak memory).
    /// </remarks>
    public const long MaxTotalBytes = 4L * 1024 * 1024;

    /// <summary>A conversation with no append for this long is dropped from memory (the store still has it).</summary>
    public static readonly TimeSpan IdleEviction = TimeSpan.FromMinutes(10);

    /// <summary>How long an out-of-order append waits for the one before it before the tail gives up on the gap.</summary>
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, ConversationTail> _tails = new(StringComparer.Ordinal);
    private readonly Lock _sweepGate = new();
    private long _bytes;
    private long _erasures;
    private long _lastSweep = time.GetTimestamp();

    /// <summary>Conversations with a tail in memory.</summary>
    public int Count => _tails.Count;

    /// <summary>Bytes of JSON held.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>A conversation this process just created: its whole (empty) log is known.</summary>
    public void Started(string conversationId) =>
        _tails.TryAdd(conversationId, new ConversationTail(floor: 0, time.GetTimestamp()));

    /// <summary>True when the conversation has a tail here, i.e. it exists and was active recently.</summary>
    public bool Knows(string conversationId) => _tails.ContainsKey(conversationId);

    /// <summary>Records a newly appended activity (<paramref name="json"/> is its stored form, UTF-8).</summary>
    public void Appended(string conversationId, long seq, byte[] json)
    {
        var now = time.GetTimestamp();
        // A conversation not seen since the start: what came before seq is only in the store.
        var tail = _tails.GetOrAdd(conversationId, static (_, state) => new ConversationTail(state.seq - 1, state.now), (seq, now));
        Interlocked.Add(ref _bytes, tail.Add(seq, json, now));
        if (Bytes > MaxTotalBytes || time.GetElapsedTime(Interlocked.Read(ref _lastSweep), now) > SweepInterval)
        {
            Sweep(now);
        }
    }

    /// <summary>
    /// Records an activity found already in the log (a resend) in a tail held here, which takes it only if it is the next
    /// one it lacks; a conversation without a tail gets none, since newer activities may follow it in the store.
    /// </summary>
    public void Found(string conversationId, long seq, Func<byte[]> json)
    {
        if (_tails.TryGetValue(conversationId, out var tail) && !tail.Holds(seq))
        {
            Interlocked.Add(ref _bytes, tail.Add(seq, json(), time.GetTimestamp()));
        }
    }

    /// <summary>
    /// The activity set after <paramref name="watermark"/> as Direct Line JSON (UTF-8), or <c>null</c> when memory
    /// cannot answer (the caller reads the store then). <paramref name="count"/> is 0 when nothing new is known.
    /// </summary>
    public byte[]? TryRead(string conversationId, long? watermark, out long next, out int count)
    {
        next = watermark ?? 0;
        count = 0;
        return _tails.TryGetValue(conversationId, out var tail) ? tail.TryRead(watermark ?? 0, time.GetTimestamp(), time, out next, out count) : null;
    }

    /// <summary>
    /// Changes with every erasure (<see cref="Erased"/>, <see cref="Clear"/>). An appender reads it before it writes to
    /// the store and again after it recorded the line: a change means an erasure may have run in between and forgotten
    /// the conversation before the line was recorded, so the appender forgets it too (<see cref="TailedDirectLineStore"/>).
    /// One counter for all conversations: erasures are rare, and a needless forget only costs a read of the store.
    /// </summary>
    public long Erasures => Interlocked.Read(ref _erasures);

    /// <summary>A conversation (or its activities) is being erased: dropped now, and appends under way notice.</summary>
    public void Erased(string conversationId)
    {
        // Counted before the removal: an appender that recorded after it sees the count changed.
        Interlocked.Increment(ref _erasures);
        Forget(conversationId);
    }

    /// <summary>Drops a conversation (evicted, or an append whose outcome is unknown): readers go to the store.</summary>
    public void Forget(string conversationId)
    {
        if (_tails.TryRemove(conversationId, out var tail))
        {
            Interlocked.Add(ref _bytes, -tail.Clear());
        }
    }

    /// <summary>Drops everything (retention purge: what the store deleted must not be served from memory).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _erasures);
        foreach (var conversationId in _tails.Keys)
        {
            Forget(conversationId);
        }
    }

    private void Sweep(long now)
    {
        if (!_sweepGate.TryEnter())
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref _lastSweep, now);
            foreach (var (conversationId, tail) in _tails)
            {
                if (time.GetElapsedTime(tail.LastAppend, now) > IdleEviction)
                {
                    Forget(conversationId);
                }
            }

            if (Bytes > MaxTotalBytes)
            {
                // Least recently active first, down to three quarters so the next sweep is not right away.
                foreach (var (conversationId, _) in _tails.ToArray().OrderBy(t => t.Value.LastAppend))
                {
                    if (Bytes <= MaxTotalBytes / 4 * 3)
                    {
                        break;
                    }

                    Forget(conversationId);
                }
            }
        }
        finally
        {
            _sweepGate.Exit();
        }
    }
}
