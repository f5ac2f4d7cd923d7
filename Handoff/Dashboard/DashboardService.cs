using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Dashboard;

/// <summary>Computes the dashboard from live requests plus the text-free aggregates left by retention.</summary>
public sealed class DashboardService(IHandoffStore store, IUnansweredQuestionLog unanswered, OfficeHours office, TimeProvider time, IStaleTopicSource? staleTopics = null)
{
    public const int Days = 14;

    public async Task<DashboardSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = office.LocalDate(now);
        var from = today.AddDays(-(Days - 1));
        var recent = await store.ListCreatedSinceAsync(now - TimeSpan.FromDays(Days + 1), cancellationToken);
        var open = (await store.ListAsync(HandoffStatus.Waiting, cancellationToken)).Count;
        var active = (await store.ListAsync(HandoffStatus.Active, cancellationToken)).Count;
        var purged = await store.DailyCountsAsync(from, cancellationToken);

        var waits = recent.Where(r => r.FirstClaimedAt is { } c && office.LocalDate(c) == today)
            .Select(r => (r.FirstClaimedAt!.Value - r.CreatedAt).TotalSeconds)
            .Order()
            .ToList();

        var perDay = recent.Where(r => office.LocalDate(r.CreatedAt) >= from)
            .Select(r => new DashboardDayCount(office.LocalDate(r.CreatedAt), r.Language, r.Reason, 1))
            .Concat(purged.Select(p => new DashboardDayCount(p.Date, p.Language, p.Reason, p.Count)))
            .GroupBy(d => (d.Date, d.Language, d.Reason))
            .Select(g => new DashboardDayCount(g.Key.Date, g.Key.Language, g.Key.Reason, g.Sum(d => d.Count)))
            .OrderBy(d => d.Date).ThenBy(d => d.Language, StringComparer.Ordinal).ThenBy(d => d.Reason)
            .ToList();

        var scores = recent.Where(r => r.Satisfaction is not null).Select(r => r.Satisfaction!.Value).ToList();
        var distribution = Enumerable.Range(1, 5).Select(s => scores.Count(x => x == s)).ToList();
        var scoreSum = scores.Sum() + purged.Sum(p => p.SatisfactionSum);
        var scoreCount = scores.Count + purged.Sum(p => p.SatisfactionCount);
        var satisfaction = new DashboardSatisfaction(scoreCount == 0 ? null : Math.Round((double)scoreSum / scoreCount, 2), scoreCount, distribution);

        var questions = (await unanswered.RecentAsync(50, cancellationToken))
            .Select(q => new DashboardQuestion(q.At, q.Language, q.Topic, q.Text, q.Kind))
            .ToList();

        var outcomes = recent.Where(r => r.Status == HandoffStatus.Closed).Select(r => CloseOutcome.Parse(r.Outcome)).ToList();
        return new DashboardSnapshot(open, active, Percentile(waits, 0.5), Percentile(waits, 0.9), perDay, satisfaction, questions)
        {
            Outcomes = Count(outcomes.Select(o => o.Code)),
            Referrals = Count(outcomes.Select(o => o.Institution).OfType<string>()),
            StaleTopics = staleTopics?.StaleTopics() ?? [],
        };
    }

    private static List<DashboardOutcomeCount> Count(IEnumerable<string> keys) =>
        [.. keys.GroupBy(k => k, StringComparer.Ordinal).Select(g => new DashboardOutcomeCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
