using System.Collections.Concurrent;
using IntegrationBot.Channels.DirectLine;

namespace IntegrationBot.Storage.LiteDb.DirectLine;

/// <summary>
/// The web chat log's sequence numbers, kept in memory per conversation (issue 19), so the user's message gets its place
/// in the log (its id, the turn's inbound id) before the turn and is written by the turn's commit. One process owns the
/// file, so memory is the only other writer to consult: every append on the writer thread takes the next number after
/// both the file's and every number handed out here, and a number is never handed out twice, nor again after a restart
/// (a reserved number not yet written is only ever lost with its unacknowledged message, and the file continues from its
/// own maximum).
/// </summary>
/// <remarks>Bounded (<see cref="Capacity"/>): when full, the conversations with no message waiting for its turn's commit
/// are dropped. That is safe because then the file holds every number that anybody saw: a message's line is committed,
/// or its number kept as the conversation's last (cleared), or the conversation is gone (deleted: the file refuses it
/// again), and a reply's number (<see cref="Next"/>) is committed with its line or was never seen. A dropped conversation
/// costs its next message one read of its last number. A conversation with a waiting message stays.</remarks>
public sealed class LiteDbWebChatSequences
{
    /// <summary>Conversations kept at most; over it, those with no message waiting for its commit are dropped.</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, Sequence> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _trimGate = new();

    /// <summary>Conversations whose numbers are held here.</summary>
    public int Count => _conversations.Count;

    /// <summary>
    /// Under the conversation's lock: the pending message with <paramref name="dedupeKey"/> (a resend while the first is
    /// not yet written), else the one <paramref name="findInFile"/> finds, else a new number for <paramref name="line"/>,
    /// continuing from <paramref name="lastInFile"/> the first time. <see cref="Reservation.IsNew"/> says which.
    /// <c>null</c> when the conversation is gone: erased here, or not in the file (<paramref name="lastInFile"/> null).
    /// </summary>
    internal Reservation? Reserve(
        string conversationId,
        string? dedupeKey,
        Func<long?> lastInFile,
        Func<AppendedActivity?> findInFile,
        Func<long, AppendedActivity> line)
    {
        TrimWhenFull();
        var sequence = Enter(conversationId);
        try
        {
            if (sequence.Gone)
            {
                return null;
            }

            if (dedupeKey is not null)
            {
                if (sequence.Pending.Find(p => p.DedupeKey == dedupeKey) is { } pending)
                {
                    return pending with { IsNew = false };
                }

                if (findInFile() is { } found)
                {
                    var written = new TaskCompletionSource<AppendedActivity>();
                    written.SetResult(found);
                    return new Reservation(dedupeKey, found, IsNew: false, written);
                }
            }

            if (sequence.Last < 0)
            {
                if (lastInFile() is not { } last)
                {
                    sequence.Gone = true;
                    return null;
                }

                sequence.Last = last;
            }

            var reserved = new Reservation(dedupeKey, line(++sequence.Last), IsNew: true, new TaskCompletionSource<AppendedActivity>(TaskCreationOptions.RunContinuationsAsynchronously));
            sequence.Pending.Add(reserved);
            return reserved;
        }
        finally
        {
            sequence.Gate.Exit();
        }
    }

    /// <summary>The number of an activity appended now on the writer thread, after <paramref name="lastInFile"/> (read in
    /// its transaction) and after every number handed out.</summary>
    internal long Next(string conversationId, long lastInFile)
    {
        var sequence = Enter(conversationId);
        try
        {
            sequence.Last = Math.Max(sequence.Last, lastInFile) + 1;
            return sequence.Last;
        }
        finally
        {
            sequence.Gate.Exit();
        }
    }

    /// <summary>
    /// The conversation's activities are being erased (<paramref name="deleted"/>: with the conversation itself): a user's
    /// message numbered before now and not yet written is not written at all (<see cref="Erasure"/>). Call before the erasure's write.
    /// </summary>
    internal void Erasing(string conversationId, bool deleted)
    {
        var sequence = Enter(conversationId);
        try
        {
            sequence.ErasedThrough = Math.Max(sequence.ErasedThrough, sequence.Last);
            if (deleted)
            {
                sequence.DeletedThrough = Math.Max(sequence.DeletedThrough, sequence.Last);
                // Appends never create a conversation: a message posted after this is refused, not numbered.
                sequence.Gone = true;
            }
        }
        finally
        {
            sequence.Gate.Exit();
        }
    }

    /// <summary>The conversation was created (again, in the rare case of a reused id): it takes messages.</summary>
    internal void Created(string conversationId)
    {
        if (_conversations.TryGetValue(conversationId, out var sequence))
        {
            lock (sequence.Gate)
            {
                sequence.Gone = false;
            }
        }
    }

    /// <summary>What an erasure that came after <paramref name="seq"/> was numbered leaves of its line: everything
    /// (<see cref="LineErasure.None"/>), only its number (<see cref="LineErasure.Cleared"/>: the conversation keeps its
    /// sequence, so the number is never handed out again), or nothing (<see cref="LineErasure.Deleted"/>).</summary>
    internal LineErasure Erasure(string conversationId, long seq)
    {
        if (!_conversations.TryGetValue(conversationId, out var sequence))
        {
            return LineErasure.None;
        }

        lock (sequence.Gate)
        {
            return seq <= sequence.DeletedThrough ? LineErasure.Deleted : seq <= sequence.ErasedThrough ? LineErasure.Cleared : LineErasure.None;
        }
    }

    /// <summary>The reserved message's line is committed (or will never be): it is no longer pending.</summary>
    internal void Settled(string conversationId, Reservation reservation)
    {
        if (_conversations.TryGetValue(conversationId, out var sequence))
        {
            lock (sequence.Gate)
            {
                sequence.Pending.Remove(reservation);
            }
        }
    }

    /// <summary>
    /// The highest number a read of the file may hand out now: below the first reserved message not yet written (a reader
    /// must not move its watermark past it) and not past the last number handed out (a later one could skip a reservation
    /// made meanwhile). <see cref="long.MaxValue"/> for a conversation this process has not numbered yet.
    /// </summary>
    public long ReadLimit(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var sequence))
        {
            return long.MaxValue;
        }

        lock (sequence.Gate)
        {
            if (sequence.Last < 0)
            {
                return long.MaxValue;
            }

            var limit = sequence.Last;
            foreach (var pending in sequence.Pending)
            {
                limit = Math.Min(limit, pending.Line.Watermark - 1);
            }

            return limit;
        }
    }

    /// <summary>The conversation's entry with its lock held (the caller exits it); never one a trim has dropped.</summary>
    private Sequence Enter(string conversationId)
    {
        while (true)
        {
            var sequence = _conversations.GetOrAdd(conversationId, static _ => new Sequence());
            sequence.Gate.Enter();
            if (!sequence.Dropped)
            {
                return sequence;
            }

            sequence.Gate.Exit();
        }
    }

    /// <summary>Over <see cref="Capacity"/>: drops every conversation with no message waiting (see the remarks).</summary>
    private void TrimWhenFull()
    {
        if (_conversations.Count <= Capacity || !_trimGate.TryEnter())
        {
            return;
        }

        try
        {
            foreach (var (conversationId, sequence) in _conversations)
            {
                // One busy right now is left for the next trim.
                if (!sequence.Gate.TryEnter())
                {
                    continue;
                }

                try
                {
                    if (sequence.Pending.Count == 0)
                    {
                        sequence.Dropped = true;
                        _conversations.TryRemove(KeyValuePair.Create(conversationId, sequence));
                    }
                }
                finally
                {
                    sequence.Gate.Exit();
                }
            }
        }
        finally
        {
            _trimGate.Exit();
        }
    }

    /// <summary>A reserved (or found) user's message; <see cref="Written"/> completes when its line is committed.</summary>
    internal sealed record Reservation(string? DedupeKey, AppendedActivity Line, bool IsNew, TaskCompletionSource<AppendedActivity> Written);

    internal enum LineErasure
    {
        None,
        Cleared,
        Deleted,
    }

    private sealed class Sequence
    {
        public Lock Gate { get; } = new();

        /// <summary>The last number handed out or seen in the file; -1 until known.</summary>
        public long Last { get; set; } = -1;

        public List<Reservation> Pending { get; } = [];

        public long ErasedThrough { get; set; }

        public long DeletedThrough { get; set; }

        /// <summary>Erased, or not in the file when first asked: messages are refused until it is created.</summary>
        public bool Gone { get; set; }

        /// <summary>Removed by a trim: whoever still holds it takes the conversation's new entry instead.</summary>
        public bool Dropped { get; set; }
    }
}
