using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.DirectLine;

/// <summary>
/// The lines of a turn's web chat replies as <c>ib_turn_commit</c> writes them; once committed they wait for their
/// delivery in <see cref="PostgresDatabase.WebChatLines"/> (<see cref="CommittedWebChatLines"/>).
/// </summary>
internal static class PostgresWebChatLines
{
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
}
