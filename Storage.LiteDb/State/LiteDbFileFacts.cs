namespace IntegrationBot.Storage.LiteDb.State;

/// <summary>
/// What the file holds for a turn's commit checks, known without a query (issue 19): the eTag of each state document,
/// the last outbox sequence number of each conversation and the value of each day counter the process wrote. One process owns a LiteDB file and every
/// write of these goes through the stores, so what they wrote is what the file holds; a commit then checks its eTags
/// and numbers its replies from here instead of one <c>FindById</c> each (~16 µs and ~28 KB of page decoding apiece).
/// </summary>
/// <remarks>
/// Used only inside the writer's transactions, which run one at a time (on the writer thread, or inline on a caller's
/// while the writer is busy-flagged), so it needs no lock. A fact set during a transaction is seen by the writes after
/// it in the same transaction and kept only if the transaction commits (<see cref="TransactionEnded"/>); a rolled-back
/// batch forgets it. Forgetting is always safe and immediate: an unknown key is read from the file. Bounded: once more
/// than <see cref="MaxKeys"/> are known, all are forgotten and the file answers until they are learnt again.
/// Anything that changes state or counters in the file other than through the stores (erasure, retention, a tool)
/// must call <see cref="Forget()"/>.
/// </remarks>
public sealed class LiteDbFileFacts
{
    private readonly Dictionary<string, string> _etags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    // Facts of the running transaction: visible to it, kept only at its commit.
    private readonly Dictionary<string, string> _pendingETags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _pendingSequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _pendingCounters = new(StringComparer.Ordinal);

    public LiteDbFileFacts(int maxKeys)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxKeys);
        MaxKeys = maxKeys;
    }

    /// <summary>Known eTags and known counters each; 0 turns the facts off (every check reads the file).</summary>
    public int MaxKeys { get; }

    /// <summary>Times the facts were dropped for being over <see cref="MaxKeys"/>, for tests and diagnostics.</summary>
    public long Overflows { get; private set; }

    /// <summary>The eTag the file holds for state document <paramref name="key"/>, when known (a document written by this process).</summary>
    public bool TryGetETag(string key, out string etag) =>
        _pendingETags.TryGetValue(key, out etag!) || _etags.TryGetValue(key, out etag!);

    /// <summary>The last sequence number the file holds for conversation <paramref name="conversationKey"/>, when known.</summary>
    public bool TryGetSequence(string conversationKey, out long last) =>
        _pendingSequences.TryGetValue(conversationKey, out last) || _sequences.TryGetValue(conversationKey, out last);

    /// <summary>The value the file holds for counter <paramref name="id"/> of <paramref name="collection"/>, when known.</summary>
    public bool TryGetCounter(string collection, string id, out long value) =>
        _pendingCounters.TryGetValue(CounterKey(collection, id), out value) || _counters.TryGetValue(CounterKey(collection, id), out value);

    /// <summary>The running transaction set counter <paramref name="id"/> of <paramref name="collection"/> to <paramref name="value"/>.</summary>
    public void CounterWritten(string collection, string id, long value)
    {
        if (MaxKeys > 0)
        {
            _pendingCounters[CounterKey(collection, id)] = value;
        }
    }

    /// <summary>The running transaction wrote state document <paramref name="key"/> with <paramref name="etag"/>.</summary>
    public void ETagWritten(string key, string etag)
    {
        if (MaxKeys > 0)
        {
            _pendingETags[key] = etag;
        }
    }

    /// <summary>The running transaction set the counter of <paramref name="conversationKey"/> to <paramref name="last"/>.</summary>
    public void SequenceWritten(string conversationKey, long last)
    {
        if (MaxKeys > 0)
        {
            _pendingSequences[conversationKey] = last;
        }
    }

    /// <summary>State document <paramref name="key"/> is deleted or changed elsewhere: the next check reads the file.</summary>
    public void Forget(string key)
    {
        _pendingETags.Remove(key);
        _etags.Remove(key);
    }

    /// <summary>Forgets every fact (erasure, retention and tools changed the file directly).</summary>
    public void Forget()
    {
        _pendingETags.Clear();
        _pendingSequences.Clear();
        _pendingCounters.Clear();
        _etags.Clear();
        _sequences.Clear();
        _counters.Clear();
    }

    /// <summary>The writer's transaction ended: its facts are kept when it committed and dropped when it rolled back.</summary>
    public void TransactionEnded(bool committed)
    {
        if (committed)
        {
            Keep(_pendingETags, _etags);
            Keep(_pendingSequences, _sequences);
            Keep(_pendingCounters, _counters);
        }

        _pendingETags.Clear();
        _pendingSequences.Clear();
        _pendingCounters.Clear();
    }

    private static string CounterKey(string collection, string id) => string.Concat(collection, "\n", id);

    private void Keep<T>(Dictionary<string, T> pending, Dictionary<string, T> known)
    {
        foreach (var (key, value) in pending)
        {
            known[key] = value;
        }

        if (known.Count > MaxKeys)
        {
            // Dropping all is cheaper than ordering by use (a list node per key on every turn); what is active is learnt
            // again by its next commit, each key with one read of the file.
            known.Clear();
            Overflows++;
        }
    }
}
