namespace IntegrationBot.Handoff.Dashboard;

/// <summary>
/// Aggregate counters of plans for the office's dashboard. They hold no personal data, so erasure and retention leave
/// them (like the handoff day counts); shared by every instance where the store is.
/// </summary>
public interface IPlanStatistics
{
    /// <summary>Adds each count to its (date, language, kind, step) counter; safe from several instances at once.</summary>
    Task AddAsync(IReadOnlyList<PlanDailyCount> counts, CancellationToken cancellationToken);

    /// <summary>Every counter, one row per (date, language, kind, step).</summary>
    Task<IReadOnlyList<PlanDailyCount>> ListAsync(CancellationToken cancellationToken);
}
