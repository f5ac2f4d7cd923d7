using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;

namespace IntegrationBot.Storage.Tests.Support;

/// <summary>One store provider opened for one test: every store the contracts exercise, on one fresh database.</summary>
public interface IStoreBackend : IAsyncDisposable
{
    IStorage Storage { get; }

    ITurnStore TurnStore(TimeProvider time);

    IOutboxStore Outbox { get; }

    IHandoffStore Handoffs { get; }

    ITranscriptStore Transcripts { get; }

    IUnansweredQuestionLog Unanswered { get; }

    ICounselorStore Counselors { get; }

    ICannedResponseStore Canned { get; }

    IDirectLineStore DirectLine(TimeProvider time);

    /// <summary>The runtime's privacy side; web chat conversations are found through <paramref name="directories"/>.</summary>
    RuntimeUserData RuntimeUserData(IEnumerable<IUserConversationDirectory> directories);

    /// <summary>The web chat log's privacy side, over <paramref name="log"/> (from <see cref="DirectLine"/>).</summary>
    WebChatUserData WebChatUserData(IDirectLineStore log);

    /// <summary>The same data seen by a second host, or null when the provider serves one process only (LiteDB).</summary>
    Task<IStoreBackend?> SecondInstanceAsync();
}
