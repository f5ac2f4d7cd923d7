using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.State;

namespace IntegrationBot.Storage.LiteDb.DirectLine;

/// <summary>
/// Memory storage's turn store (<see cref="MemoryTurnStore"/>) with the web chat log lines of a turn's replies written
/// by the commit, as <see cref="Outbox.LiteDbTurnStore"/> writes them in its transaction: the web chat log is a LiteDB
/// database in memory there, so they follow in one write right after the turn's commit, and the reply's delivery only
/// announces its line (<see cref="CommittedWebChatLines"/>); the user's message that started the turn joins the same write.
/// Nothing here outlives the process, so there is no crash to survive; a delivery that runs before the lines are written appends the line itself, and the key keeps it single.
/// </summary>
public sealed class WebChatLinesTurnStore(ITurnStore inner, SharedLiteDatabase database, TimeProvider time) : ITurnStore
{
    private readonly CommittedWebChatLines _lines = LiteDbHotState.For(database).WebChatLines;
    private readonly LiteDbWebChatSequences _sequences = LiteDbHotState.For(database).WebChatSequences;
    private static readonly string WebChatKeys = ConversationState.KeyFor(DirectLineInbox.ChannelId, string.Empty);

    public Task<bool> IsProcessedAsync(string inboundKey, CancellationToken cancellationToken) =>
        inner.IsProcessedAsync(inboundKey, cancellationToken);

    public async Task<CommitOutcome> CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var outcome = await inner.CommitAsync(commit, cancellationToken);
        var replies = LiteDbDirectLineStore.ShapeReplies(commit.Outgoing, time.GetUtcNow());
        // A web chat turn's user's message joined this write (LiteDbDirectLineStore.AppendBeforeTurnAsync): written with it.
        if (outcome == CommitOutcome.Committed && (replies.Count > 0 || commit.ConversationKey.StartsWith(WebChatKeys, StringComparison.Ordinal)))
        {
            var now = time.GetUtcNow();
            _lines.Committed(await database.WriteTurnAsync(
                commit.ConversationKey,
                db => replies.Count == 0 ? [] : LiteDbDirectLineStore.AppendReplies(db, _sequences, replies, now),
                CancellationToken.None));
        }

        return outcome;
    }
}
