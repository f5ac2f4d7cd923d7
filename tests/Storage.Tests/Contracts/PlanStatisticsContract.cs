using IntegrationBot.Handoff.Dashboard;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>IPlanStatistics: counters add up per (day, language, kind, step), also when instances add at the same moment.</summary>
public abstract class PlanStatisticsContract
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh store, a second instance on the same data (null when the provider serves one process) and the owner to dispose.</summary>
    protected abstract Task<(IPlanStatistics Store, IPlanStatistics? Second, IAsyncDisposable Owner)> OpenAsync();

    [Fact]
    public async Task Counts_add_up_per_day_language_kind_and_step()
    {
        var (store, _, owner) = await OpenAsync();
        await using var _owner = owner;
        Assert.Empty(await store.ListAsync(Ct));

        await store.AddAsync([new(Day, "en", PlanCountKind.Created, "", 1), new(Day, "en", PlanCountKind.Reached, "address-registration", 1)], Ct);
        await store.AddAsync([new(Day, "en", PlanCountKind.Created, "", 1), new(Day, "ar", PlanCountKind.Created, "", 1)], Ct);
        await store.AddAsync([new(Day, "en", PlanCountKind.Done, "address-registration", 1), new(Day.AddDays(1), "en", PlanCountKind.Done, "address-registration", 2)], Ct);
        await store.AddAsync([], Ct);

        var rows = (await store.ListAsync(Ct)).OrderBy(r => r.Date).ThenBy(r => r.Language, StringComparer.Ordinal).ThenBy(r => r.Kind).ToList();
        Assert.Equal(
            [
                new(Day, "ar", PlanCountKind.Created, "", 1),
                new(Day, "en", PlanCountKind.Created, "", 2),
                new(Day, "en", PlanCountKind.Done, "address-registration", 1),
                new(Day, "en", PlanCountKind.Reached, "address-registration", 1),
                new PlanDailyCount(Day.AddDays(1), "en", PlanCountKind.Done, "address-registration", 2),
            ],
            rows);
    }

    [Fact]
    public async Task Adds_from_two_instances_at_once_are_all_counted()
    {
        var (store, second, owner) = await OpenAsync();
        await using var _owner = owner;
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 || second is null ? store : second).AddAsync([new(Day, "sl", PlanCountKind.Done, "tax-number", 1), new(Day, "sl", PlanCountKind.Created, "", 1)], Ct)));

        var rows = await store.ListAsync(Ct);
        Assert.Equal(20, rows.Single(r => r.Kind == PlanCountKind.Done).Count);
        Assert.Equal(20, rows.Single(r => r.Kind == PlanCountKind.Created).Count);
    }
}
