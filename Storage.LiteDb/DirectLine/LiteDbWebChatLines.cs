using System.Collections.Concurrent;
using IntegrationBot.Channels.DirectLine;

namespace IntegrationBot.Storage.LiteDb.DirectLine;

/// <summary>
/// Web chat replies whose log lines a turn's commit wrote (issue 19: the lines are in the turn's transaction) and that
/// the outbox has not delivered yet. The delivery (<see cref="DirectLineSender"/>, appending with the reply's key) takes
/// its line from here without touching the file, and the page's stream is told of it then.
/// </summary>
/// <remarks>
/// An entry lives from the durable commit to the delivery of its outbox entry, a few milliseconds; erasing or clearing
/// the conversation drops its entries. After a restart this is empty: the outbox delivers again, the store finds the
/// line by its key in the file (not appended twice), and pages read the log from the file anyway.
/// </remarks>
public sealed class LiteDbWebChatLines
{
    private readonly ConcurrentDictionary<(string Conversation, string Key), AppendedActivity> _lines = new();

    /// <summary>Lines waiting for their delivery.</summary>
    public int Count => _lines.Count;

    /// <summary>Lines a commit wrote; call once the commit is durable.</summary>
    public void Committed(IEnumerable<CommittedWebChatLine> lines)
    {
        foreach (var committed in lines)
        {
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
}
