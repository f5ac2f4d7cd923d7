using IntegrationBot.Handoff.Dashboard;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>ITopicStatistics: counters add up per (day, topic, kind), list from a day on, also when instances add at the same moment.</summary>
public abstract class TopicStatisticsContract
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh store, a second instance on the same data (null when the provider serves one process) and the owner to dispose.</summary>
    protected abstract Task<(ITopicStatistics Store, ITopicStatistics? Second, IAsyncDisposable Owner)> OpenAsync();

    [Fact]
    public async Task Counts_add_up_per_day_topic_and_kind_and_list_from_a_day_on()
    {
        var (store, _, owner) = await OpenAsync();
        await using var _owner = owner;
        Assert.Empty(await store.ListAsync(DateOnly.MinValue, Ct));

        await store.AddAsync([new(Day, "housing", TopicCountKind.Asked, 1), new(Day, "housing", TopicCountKind.Helpful, 1)], Ct);
        await store.AddAsync([new(Day, "housing", TopicCountKind.Asked, 1), new(Day, "tax-number", TopicCountKind.Asked, 1)], Ct);
        await store.AddAsync([new(Day, "housing", TopicCountKind.NotHelpful, 1), new(Day.AddDays(-1), "housing", TopicCountKind.Asked, 5)], Ct);
        await store.AddAsync([], Ct);

        var rows = (await store.ListAsync(Day, Ct)).OrderBy(r => r.Topic, StringComparer.Ordinal).ThenBy(r => r.Kind).ToList();
        Assert.Equal(
            [
                new(Day, "housing", TopicCountKind.Asked, 2),
                new(Day, "housing", TopicCountKind.Helpful, 1),
                new(Day, "housing", TopicCountKind.NotHelpful, 1),
                new TopicDailyCount(Day, "tax-number", TopicCountKind.Asked, 1),
            ],
            rows);
        Assert.Equal(5, (await store.ListAsync(Day.AddDays(-1), Ct)).Single(r => r.Date == Day.AddDays(-1)).Count);
        Assert.Empty(await store.ListAsync(Day.AddDays(1), Ct));
    }

    [Fact]
    public async Task Adds_from_two_instances_at_once_are_all_counted()
    {
        var (store, second, owner) = await OpenAsync();
        await using var _owner = owner;
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 || second is null ? store : second).AddAsync([new(Day, "housing", TopicCountKind.Asked, 1), new(Day, "housing", TopicCountKind.Helpful, 1)], Ct)));

        var rows = await store.ListAsync(Day, Ct);
        Assert.Equal(20, rows.Single(r => r.Kind == TopicCountKind.Asked).Count);
        Assert.Equal(20, rows.Single(r => r.Kind == TopicCountKind.Helpful).Count);
    }
}
