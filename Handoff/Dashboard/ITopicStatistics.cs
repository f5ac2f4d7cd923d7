namespace IntegrationBot.Handoff.Dashboard;

/// <summary>
/// Aggregate counters of answered topics and their 👍/👎 for the knowledge editor's browse list. They hold no personal
/// data, so erasure and retention leave them (like the plan counters); shared by every instance where the store is.
/// </summary>
public interface ITopicStatistics
{
    /// <summary>Adds each count to its (date, topic, kind) counter; safe from several instances at once.</summary>
    Task AddAsync(IReadOnlyList<TopicDailyCount> counts, CancellationToken cancellationToken);

    /// <summary>The counters of <paramref name="from"/> and later, one row per (date, topic, kind).</summary>
    Task<IReadOnlyList<TopicDailyCount>> ListAsync(DateOnly from, CancellationToken cancellationToken);
}
