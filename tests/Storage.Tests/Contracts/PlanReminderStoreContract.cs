using IntegrationBot.Flows.Plan;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>IPlanReminderStore: due subscriptions are claimed once (across instances where there are several), leases, erasure.</summary>
public abstract class PlanReminderStoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh store, a second instance on the same data (null when the provider serves one process) and the owner to dispose.</summary>
    protected abstract Task<(IPlanReminderStore Store, IPlanReminderStore? Second, IAsyncDisposable Owner)> OpenAsync();

    [Fact]
    public async Task A_due_subscription_is_claimed_once_until_rescheduled_or_its_lease_runs_out()
    {
        var (store, _, owner) = await OpenAsync();
        await using var _owner = owner;
        await store.SaveAsync(Subscription("telegram/conversations/1", Start), Ct);
        await store.SaveAsync(Subscription("telegram/conversations/2", Start.AddDays(1)), Ct);

        Assert.Empty(await store.ClaimDueAsync(Start.AddMinutes(-1), TimeSpan.FromMinutes(5), 10, Ct));
        var claimed = Assert.Single(await store.ClaimDueAsync(Start, TimeSpan.FromMinutes(5), 10, Ct));
        Assert.Equal(("telegram/conversations/1", "telegram|u1", "{\"r\":1}"), (claimed.ConversationKey, claimed.UserKey, claimed.ReferenceJson));
        Assert.Empty(await store.ClaimDueAsync(Start.AddMinutes(1), TimeSpan.FromMinutes(5), 10, Ct));
        Assert.Single(await store.ClaimDueAsync(Start.AddMinutes(6), TimeSpan.FromMinutes(5), 10, Ct));

        await store.RescheduleAsync("telegram/conversations/1", Start.AddMinutes(7), Ct);
        Assert.Equal(["telegram/conversations/1"], (await store.ClaimDueAsync(Start.AddMinutes(7), TimeSpan.FromMinutes(5), 10, Ct)).Select(s => s.ConversationKey));

        await store.RemoveAsync("telegram/conversations/1", Ct);
        Assert.Equal(["telegram/conversations/2"], (await store.ClaimDueAsync(Start.AddDays(2), TimeSpan.FromMinutes(5), 10, Ct)).Select(s => s.ConversationKey));
    }

    [Fact]
    public async Task Two_instances_claiming_at_once_never_get_the_same_conversation()
    {
        var (store, second, owner) = await OpenAsync();
        await using var _owner = owner;
        Assert.SkipWhen(second is null, "this provider serves one process");
        for (var i = 0; i < 40; i++)
        {
            await store.SaveAsync(Subscription($"viber/conversations/{i}", Start), Ct);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? store : second!).ClaimDueAsync(Start, TimeSpan.FromMinutes(5), 7, Ct)));

        var keys = claims.SelectMany(c => c).Select(s => s.ConversationKey).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(40, keys.Count);
    }

    [Fact]
    public async Task Erasure_export_and_retention_reach_the_subscriptions()
    {
        var (store, _, owner) = await OpenAsync();
        await using var _owner = owner;
        await store.SaveAsync(Subscription("telegram/conversations/1", Start), Ct);
        await store.SaveAsync(Subscription("viber/conversations/2", Start, user: "viber|u2", updated: Start.AddDays(-100)), Ct);

        var export = (await store.ExportUserDataAsync("telegram", "u1", Ct)).ToJsonString();
        Assert.Contains("telegram/conversations/1", export);
        Assert.DoesNotContain("conversations/2", export);

        Assert.Equal(1, await store.PurgeOlderThanAsync(Start.AddDays(-30), Ct));
        Assert.Equal(1, await store.DeleteUserDataAsync("telegram", "u1", Ct));
        Assert.Empty(await store.ClaimDueAsync(Start.AddDays(1), TimeSpan.FromMinutes(5), 10, Ct));
    }

    private static ReminderSubscription Subscription(string key, DateTimeOffset due, string user = "telegram|u1", DateTimeOffset? updated = null) =>
        new(key, user, "{\"r\":1}", due, updated ?? Start);
}
