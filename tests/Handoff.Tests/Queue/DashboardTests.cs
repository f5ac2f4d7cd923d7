using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Tests.Support;

namespace IntegrationBot.Handoff.Tests.Queue;

public sealed class DashboardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_shows_waiting_now_wait_percentiles_counts_per_language_and_reason_and_unanswered_questions()
    {
        using var world = new HandoffWorld();
        var waits = new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        foreach (var minutes in waits)
        {
            var ticket = await world.EnqueueAsync($"c{minutes}", minutes % 2 == 0 ? "ar" : "sl", minutes == 10 ? HandoffReason.Emergency : HandoffReason.AskedForHuman);
            world.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct);
        }

        await world.EnqueueAsync("still-waiting");
        await world.Unanswered.RecordAsync(new UnansweredQuestion("telegram", "u", "sq", null, "Ku mund të gjej punë?", UnansweredKind.NoMatch, world.Clock.GetUtcNow()), Ct);

        var snapshot = await world.Dashboard.SnapshotAsync(Ct);

        Assert.Equal((1, 10), (snapshot.WaitingNow, snapshot.ActiveNow));
        Assert.Equal(5 * 60, snapshot.MedianWaitSecondsToday);
        Assert.Equal(9 * 60, snapshot.P90WaitSecondsToday);
        var today = world.Office.LocalDate(world.Clock.GetUtcNow());
        Assert.Contains(new DashboardDayCount(today, "ar", HandoffReason.AskedForHuman, 4), snapshot.PerDay);
        Assert.Contains(new DashboardDayCount(today, "ar", HandoffReason.Emergency, 1), snapshot.PerDay);
        Assert.Contains(new DashboardDayCount(today, "sl", HandoffReason.AskedForHuman, 5), snapshot.PerDay);
        Assert.Equal("Ku mund të gjej punë?", Assert.Single(snapshot.Unanswered).Text);
    }

    [Theory]
    [InlineData(new double[] { }, 0.5, null)]
    [InlineData(new double[] { 7 }, 0.9, 7.0)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.5, 2.0)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.9, 4.0)]
    public void Percentile_uses_the_nearest_rank(double[] sorted, double p, double? expected) =>
        Assert.Equal(expected, DashboardService.Percentile(sorted, p));

    [Fact]
    public async Task Dashboard_lists_the_topics_to_review_from_the_knowledge_base()
    {
        using var world = new HandoffWorld();
        var stale = new DashboardStaleTopic("bank-account", "ar", new DateOnly(2026, 1, 15), "A. Novak", 312);
        var dashboard = new DashboardService(world.Store, world.Unanswered, world.Office, world.Clock, new FixedStaleTopics([stale]));

        var snapshot = await dashboard.SnapshotAsync(Ct);

        Assert.Equal([stale], snapshot.StaleTopics);
        var json = System.Text.Json.JsonSerializer.Serialize(snapshot, IntegrationBot.Handoff.Storage.HandoffJson.Options);
        Assert.Contains("\"staleTopics\":[{\"topic\":\"bank-account\",\"language\":\"ar\",\"reviewed\":\"2026-01-15\",\"reviewedBy\":\"A. Novak\",\"ageDays\":312}]", json, StringComparison.Ordinal);
        Assert.Empty((await world.Dashboard.SnapshotAsync(Ct)).StaleTopics);
    }

    private sealed class FixedStaleTopics(IReadOnlyList<DashboardStaleTopic> topics) : IStaleTopicSource
    {
        public IReadOnlyList<DashboardStaleTopic> StaleTopics() => topics;
    }
}
