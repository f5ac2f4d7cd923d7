using IntegrationBot.Flows.State;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.Plan;

/// <summary>
/// Decides the day's reminder, if any: a step whose deadline is a few days away comes first, then the current step
/// when it has been waiting long. Each (step, kind) is reminded once; the caller allows one reminder a day.
/// </summary>
public static class ReminderPlanner
{
    public const string DeadlineKind = "deadline";
    public const string WaitingKind = "waiting";

    public static (PlanEntry Entry, string Kind)? Decide(PlanBook book, PersonalPlan plan, PlanOptions options, DateOnly today)
    {
        if (!plan.RemindersOn || plan.LastReminder == today)
        {
            return null;
        }

        var entries = PlanProgress.Entries(book, plan, today);
        foreach (var entry in entries.Where(e => e.Status != StepStatus.Done && e.Deadline is { } d && today >= d.AddDays(-options.DaysBeforeDeadline) && today <= d))
        {
            if (!plan.Reminded.Contains(Key(entry, DeadlineKind)))
            {
                return (entry, DeadlineKind);
            }
        }

        var start = plan.Answers.Arrival ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(plan.Created, PlanProgress.Ljubljana).DateTime);
        if (PlanProgress.Current(entries) is { } current && today >= start.AddDays(options.WaitingDays) && !plan.Reminded.Contains(Key(current, WaitingKind)))
        {
            return (current, WaitingKind);
        }

        return null;
    }

    public static string Key(PlanEntry entry, string kind) => $"{entry.Step.Id}:{kind}";

    /// <summary>True between the first and the end hour, local time in Ljubljana: never at night.</summary>
    public static bool InWindow(DateTime local, PlanOptions options) => local.Hour >= options.FirstHour && local.Hour < options.EndHour;

    /// <summary>The next start of the reminder window strictly after <paramref name="now"/> (in UTC).</summary>
    public static DateTimeOffset NextWindowStart(DateTimeOffset now, PlanOptions options)
    {
        var local = TimeZoneInfo.ConvertTime(now, PlanProgress.Ljubljana).DateTime;
        var start = local.Date.AddHours(options.FirstHour);
        if (start <= local)
        {
            start = start.AddDays(1);
        }

        return new DateTimeOffset(start, PlanProgress.Ljubljana.GetUtcOffset(start));
    }
}
