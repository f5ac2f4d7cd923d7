using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Handoff.Transcripts;

/// <summary>Conversation transcripts written by the flows and attached to handoff requests.</summary>
public interface ITranscriptStore : IUserDataEraser, IRetentionPurgeable
{
    Task AppendAsync(TranscriptMessage message, CancellationToken cancellationToken);

    /// <summary>Appends <paramref name="messages"/> in order and atomically (one transaction): all of a turn's lines
    /// for the price of one write. Lines whose <see cref="TranscriptMessage.LineId"/> is already stored are skipped.</summary>
    Task AppendManyAsync(IReadOnlyList<TranscriptMessage> messages, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="AppendManyAsync"/> for a turn's lines when the turn's durable commit follows in the same store: a
    /// store that can let that commit's disk sync cover these lines too does not wait for one of its own.
    /// </summary>
    Task AppendBeforeCommitAsync(IReadOnlyList<TranscriptMessage> messages, CancellationToken cancellationToken) =>
        AppendManyAsync(messages, cancellationToken);

    /// <summary>The last <paramref name="count"/> messages of a conversation, oldest first.</summary>
    Task<IReadOnlyList<TranscriptMessage>> RecentAsync(string channelId, string conversationId, int count, CancellationToken cancellationToken);
}
