using IntegrationBot.Flows.State;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.Plan;

/// <summary>Works out a person's checklist for a day: which steps apply, which are done, overdue and next.</summary>
public static class PlanProgress
{
    /// <summary>The local time zone of the office: deadlines, "today" and reminder hours are Ljubljana's.</summary>
    public static TimeZoneInfo Ljubljana { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Ljubljana");

    public static DateTime LocalNow(TimeProvider time) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Ljubljana).DateTime;

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(LocalNow(time));

    /// <summary>The applicable steps in order; the first open one is <see cref="StepStatus.Next"/> unless a step is overdue (that one comes first).</summary>
    public static IReadOnlyList<PlanEntry> Entries(PlanBook book, PersonalPlan plan, DateOnly today)
    {
        var entries = book.StepsFor(plan.Answers)
            .Select(step => (Step: step, Deadline: step.DeadlineFor(plan.Answers)))
            .Select(s => new PlanEntry(s.Step, plan.Done.Contains(s.Step.Id) ? StepStatus.Done : s.Deadline < today ? StepStatus.Overdue : StepStatus.Open, s.Deadline))
            .ToList();
        var next = entries.Any(e => e.Status == StepStatus.Overdue) ? -1 : entries.FindIndex(e => e.Status == StepStatus.Open);
        if (next >= 0)
        {
            entries[next] = entries[next] with { Status = StepStatus.Next };
        }

        return entries;
    }

    /// <summary>The step to work on now: an overdue one first, else the next one; null when all are done.</summary>
    public static PlanEntry? Current(IReadOnlyList<PlanEntry> entries) =>
        entries.FirstOrDefault(e => e.Status == StepStatus.Overdue) ?? entries.FirstOrDefault(e => e.Status == StepStatus.Next);
}
