using IntegrationBot.Handoff.Privacy;

namespace IntegrationBot.Handoff.Transcripts;

/// <summary>Conversation transcripts written by the flows and attached to handoff requests.</summary>
public interface ITranscriptStore : IUserDataEraser, IRetentionPurgeable
{
    Task AppendAsync(TranscriptMessage message, CancellationToken cancellationToken);

    /// <summary>Appends <paramref name="messages"/> in order and atomically (one transaction): all of a turn's lines
    /// for the price of one write. Lines whose <see cref="TranscriptMessage.LineId"/> is already stored are skipped.</summary>
    Task AppendManyAsync(IReadOnlyList<TranscriptMessage> messages, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="count"/> messages of a conversation, oldest first.</summary>
    Task<IReadOnlyList<TranscriptMessage>> RecentAsync(string channelId, string conversationId, int count, CancellationToken cancellationToken);
}
