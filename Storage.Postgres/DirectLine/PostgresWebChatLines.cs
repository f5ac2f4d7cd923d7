using System.Collections.Concurrent;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Storage.Postgres.DirectLine;

/// <summary>
/// Web chat replies whose log lines this instance's turn commits wrote (issue 19: <c>ib_turn_commit</c> inserts them)
/// and whose outbox entries are not delivered yet. The delivery (<see cref="DirectLineSender"/>, appending with the
/// reply's key) takes its line from here without a round trip, and the page's stream is told of it then. One per
/// <see cref="Schema.PostgresDatabase"/>, i.e. per instance.
/// </summary>
/// <remarks>
/// An entry lives from the commit to the delivery, a few milliseconds; erasing or clearing the conversation (here or,
/// by notification, on another instance) drops its entries. Missing an entry is always safe: the delivery then asks the
/// log, which finds the line by its key (after a restart, or when another instance delivers the entry). So the map is
/// bounded by emptying it when full, which only costs those deliveries their round trip.
/// </remarks>
public sealed class PostgresWebChatLines
{
    /// <summary>Lines held at most; far above what a busy instance has between commit and delivery.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string Conversation, string Key), AppendedActivity> _lines = new();

    /// <summary>Lines waiting for their delivery.</summary>
    public int Count => _lines.Count;

    /// <summary>
    /// A turn's web chat replies as their lines are stored (shaped by <see cref="DirectLineReply.Shape"/> as the sender
    /// shapes them, stamped from <paramref name="now"/> a millisecond apart), with the key their delivery appends them with; empty when none.
    /// </summary>
    internal static List<(string ConversationId, string DedupeKey, Activity Line)> Shape(IReadOnlyList<Activity> outgoing, DateTimeOffset now)
    {
        List<(string, string, Activity)> replies = [];
        foreach (var reply in DirectLineReply.ShapeTurn(outgoing, now))
        {
            var conversationId = reply.Conversation!.Id;
            replies.Add((conversationId, DirectLineReply.DedupeKey(reply)!, reply with { Conversation = new ConversationAccount(conversationId) }));
        }

        return replies;
    }

    /// <summary>A line the turn's commit wrote; call once the commit is done.</summary>
    public void Committed(string conversationId, string dedupeKey, AppendedActivity line)
    {
        if (_lines.Count >= Capacity)
        {
            _lines.Clear();
        }

        _lines[(conversationId, dedupeKey)] = line;
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
