using IntegrationBot.Dialogs.Flows.State;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Dialogs.Flows.Plan;

/// <summary>Works out a person's checklist for a day: which steps apply, which are done, overdue and next.</summary>
public static class PlanProgress
{
    /// <summary>The local time zone of the office: deadlines, "today" and reminder hours are Ljubljana's.</summary>
    public static TimeZoneInfo Ljubljana { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Ljubljana");

    public static DateTime LocalNow(TimeProvider time) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Ljubljana).DateTime;

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(LocalNow(time));

    /// <summary>The applicable steps in order; the first open one is <see cref="StepStatus.Next"/> unless it is overdue.</summary>
    public static IReadOnlyList<PlanEntry> Entries(PlanBook book, PersonalPlan plan, DateOnly today)
    {
        var entries = new List<PlanEntry>();
        var nextGiven = false;
        foreach (var step in book.StepsFor(plan.Answers))
        {
            var deadline = step.DeadlineFor(plan.Answers);
            StepStatus status;
            if (plan.Done.Contains(step.Id))
            {
                status = StepStatus.Done;
            }
            else if (deadline < today)
            {
                status = StepStatus.Overdue;
            }
            else
            {
                status = nextGiven ? StepStatus.Open : StepStatus.Next;
                nextGiven = true;
            }

            entries.Add(new PlanEntry(step, status, deadline));
        }

        return entries;
    }

    /// <summary>The step to work on now: an overdue one first, else the next one; null when all are done.</summary>
    public static PlanEntry? Current(IReadOnlyList<PlanEntry> entries) =>
        entries.FirstOrDefault(e => e.Status == StepStatus.Overdue) ?? entries.FirstOrDefault(e => e.Status == StepStatus.Next);
}
