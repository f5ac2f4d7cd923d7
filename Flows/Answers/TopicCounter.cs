using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Office;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.Flows.Answers;

/// <summary>
/// Counts a typed question answered with a topic, and 👍/👎 under a topic's answer, for the knowledge editor's browse
/// list. Only the office's day, the topic id and the kind are counted, nothing about the person or what they wrote.
/// </summary>
public sealed partial class TopicCounter(ITopicStatistics statistics, OfficeHours hours, TimeProvider time, ILogger<TopicCounter> logger)
{
    /// <summary>Starts the count and returns: the answer never waits for a counter (on LiteDB it rides in the turn's commit).</summary>
    public Task CountAsync(string? topic, TopicCountKind kind, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(topic))
        {
            _ = AddAsync(new TopicDailyCount(TopicUsage.Today(hours, time), topic, kind, 1), cancellationToken);
        }

        return Task.CompletedTask;
    }

    private async Task AddAsync(TopicDailyCount count, CancellationToken cancellationToken)
    {
        try
        {
            await statistics.AddAsync([count], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The person's answer matters more than a counter: a lost count must not turn the turn into an error.
            LogCountFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting a topic for the knowledge editor failed")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
