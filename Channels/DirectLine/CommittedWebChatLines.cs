using System.Collections.Concurrent;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// Web chat replies whose log lines a turn's commit wrote (issue 19: LiteDB's turn transaction, PostgreSQL's
/// <c>ib_turn_commit</c>) and whose outbox entries are not delivered yet. The delivery (<see cref="DirectLineSender"/>,
/// appending with the reply's key) takes its line from here without touching the store, and the page's stream is told
/// of it then. One per database, i.e. per process or instance.
/// </summary>
/// <remarks>
/// An entry lives from the commit to the delivery, a few milliseconds; erasing or clearing the conversation drops its
/// entries. Missing an entry is always safe: the delivery then asks the log, which finds the line by its key (after a
/// restart, or when another instance delivers the entry) and writes nothing twice. So the map is bounded by emptying it
/// when full, which only costs those deliveries a read — and a line whose delivery never asks for it cannot stay.
/// </remarks>
public sealed class CommittedWebChatLines
{
    /// <summary>Lines held at most; far above what a busy instance has between commit and delivery.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string Conversation, string Key), AppendedActivity> _lines = new();

    /// <summary>Lines waiting for their delivery.</summary>
    public int Count => _lines.Count;

    /// <summary>Lines a commit wrote; call once the commit is done (durable, where the store waits for the disk).</summary>
    public void Committed(IEnumerable<CommittedWebChatLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var committed in lines)
        {
            if (_lines.Count >= Capacity)
            {
                _lines.Clear();
            }

            _lines[(committed.ConversationId, committed.DedupeKey)] = committed.Line;
        }
    }

    /// <summary>The line committed with this key, once: the caller announces it.</summary>
    public bool TryTake(string conversationId, string dedupeKey, out AppendedActivity line) =>
        _lines.TryRemove((conversationId, dedupeKey), out line!);

    /// <summary>Drops a conversation's lines (erased or cleared).</summary>
    public void Forget(string conversationId)
    {
        foreach (var key in _lines.Keys)
        {
            if (key.Conversation == conversationId)
            {
                _lines.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Drops every line (retention purged the log, or memory can no longer be trusted).</summary>
    public void Clear() => _lines.Clear();
}
