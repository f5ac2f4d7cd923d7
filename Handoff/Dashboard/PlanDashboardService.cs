using IntegrationBot.Handoff.Office;

namespace IntegrationBot.Handoff.Dashboard;

/// <summary>Computes the plan numbers of the dashboard from the plan counters.</summary>
public sealed class PlanDashboardService(IPlanStatistics statistics, OfficeHours office, TimeProvider time, IPlanStepTitles? titles = null)
{
    /// <summary>Weeks of "steps done per week" shown, this one included.</summary>
    public const int Weeks = 8;

    /// <summary>Steps shown in "where people get stuck".</summary>
    public const int StuckShown = 10;

    public async Task<DashboardPlans> SnapshotAsync(CancellationToken cancellationToken)
    {
        var rows = await statistics.ListAsync(cancellationToken);
        var done = rows.Where(r => r.Kind == PlanCountKind.Done).ToList();
        var firstWeek = Monday(office.LocalDate(time.GetUtcNow())).AddDays(-7 * (Weeks - 1));

        var byLanguage = rows.GroupBy(r => r.Language, StringComparer.Ordinal)
            .Select(g => new DashboardPlanLanguage(g.Key, Sum(g, PlanCountKind.Created), Sum(g, PlanCountKind.Done)))
            .OrderByDescending(l => l.Plans).ThenBy(l => l.Language, StringComparer.Ordinal)
            .ToList();

        var weeks = done.Where(r => r.Date >= firstWeek)
            .GroupBy(r => (Week: Monday(r.Date), r.Language))
            .Select(g => new DashboardPlanWeek(g.Key.Week, g.Key.Language, g.Sum(r => r.Count)))
            .OrderByDescending(w => w.Week).ThenBy(w => w.Language, StringComparer.Ordinal)
            .ToList();

        // A step reached and not (yet) done is where a person stopped; counters never go below zero for a step that
        // was done without being the current one (done out of order).
        var stuck = rows.Where(r => r.Kind is PlanCountKind.Reached or PlanCountKind.Done && r.Step != PlanDailyCount.CounselorStep)
            .GroupBy(r => (r.Step, r.Language))
            .Select(g => new DashboardPlanStuck(g.Key.Step, titles?.TitleOf(g.Key.Step), g.Key.Language, Sum(g, PlanCountKind.Reached) - Sum(g, PlanCountKind.Done)) { Titles = titles?.TitlesOf(g.Key.Step) })
            .Where(s => s.Waiting > 0)
            .OrderByDescending(s => s.Waiting).ThenBy(s => s.Step, StringComparer.Ordinal).ThenBy(s => s.Language, StringComparer.Ordinal)
            .Take(StuckShown)
            .ToList();

        return new DashboardPlans(byLanguage.Sum(l => l.Plans), byLanguage.Sum(l => l.StepsDone), byLanguage, weeks, stuck);
    }

    private static int Sum(IEnumerable<PlanDailyCount> rows, PlanCountKind kind) => rows.Where(r => r.Kind == kind).Sum(r => r.Count);

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
