using IntegrationBot.Flows.State;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Knowledge.Plan;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.Flows.Plan;

/// <summary>
/// Turns a change of a person's plan in one turn into the office's counters: a plan made, steps done, the step that
/// became the one to work on now. Only the language, the day and step ids are counted, nothing about the person.
/// </summary>
public sealed partial class PlanCounter(PlanBook book, IPlanStatistics statistics, TimeProvider time, ILogger<PlanCounter> logger)
{
    /// <summary>Counts what changed between the plan at the start of a turn and after it was saved.</summary>
    public async Task CountAsync(PersonalPlan? before, PersonalPlan? after, string language, CancellationToken cancellationToken)
    {
        var counts = Changes(before, after, language, PlanProgress.Today(time));
        if (counts.Count == 0)
        {
            return;
        }

        try
        {
            await statistics.AddAsync(counts, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The person's turn is already saved; a lost count must not turn it into an error.
            LogCountFailed(logger, e);
        }
    }

    public IReadOnlyList<PlanDailyCount> Changes(PersonalPlan? before, PersonalPlan? after, string language, DateOnly today)
    {
        if (after is null || ReferenceEquals(before, after))
        {
            return [];
        }

        var counts = new List<PlanDailyCount>();
        if (before is null)
        {
            counts.Add(new(today, language, PlanCountKind.Created, string.Empty, 1));
        }

        counts.AddRange(after.Done.Except(before?.Done ?? [])
            .Select(id => new PlanDailyCount(today, language, PlanCountKind.Done, book.Find(id) is null ? PlanDailyCount.CounselorStep : id, 1)));

        var current = Current(after, today);
        if (current is not null && current != Current(before, today))
        {
            counts.Add(new(today, language, PlanCountKind.Reached, current, 1));
        }

        return counts;
    }

    private string? Current(PersonalPlan? plan, DateOnly today) =>
        plan is null ? null : PlanProgress.Current(PlanProgress.Entries(book, plan, today))?.Step.Id;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting a plan change for the dashboard failed")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
