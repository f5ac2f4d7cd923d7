using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Handoff.Feedback;

/// <summary>No-match questions and negative feedback recorded by the flows, listed on the dashboard.</summary>
public interface IUnansweredQuestionLog : IUserDataEraser, IRetentionPurgeable
{
    Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken);

    /// <summary>The most recent entries, newest first.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> RecentAsync(int count, CancellationToken cancellationToken);
}
