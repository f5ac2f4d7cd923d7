using IntegrationBot.Handoff.Queue;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Storage.Tests.Contracts;

/// <summary>IHandoffStore: versioned updates (one winner among concurrent claims), listing, erasure, retention.</summary>
public abstract class HandoffStoreContract : StoreContract
{
    [Fact]
    public async Task Inserted_request_is_found_by_id_and_as_the_open_request_of_its_conversation()
    {
        await using var store = await OpenAsync();
        var request = Request("conv-1", "user-1", Start);
        await store.Handoffs.InsertAsync(request, Ct);

        var byId = await store.Handoffs.GetAsync(request.Id, Ct);
        var open = await store.Handoffs.FindOpenAsync("telegram", "conv-1", Ct);

        Assert.Equal(request.Id, byId?.Id);
        Assert.Equal("conv-1", byId?.Address.ConversationId);
        Assert.Equal(request.Id, open?.Id);
        Assert.Null(await store.Handoffs.FindOpenAsync("telegram", "other", Ct));
    }

    [Fact]
    public async Task Of_fifty_concurrent_claims_of_one_version_exactly_one_wins()
    {
        await using var store = await OpenAsync();
        var request = Request("conv-1", "user-1", Start);
        await store.Handoffs.InsertAsync(request, Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => store.Handoffs.TryUpdateAsync(
            request with { Status = HandoffStatus.Active, AssignedCounselor = $"counselor-{i}", ClaimedAt = Start }, Ct))));

        var winner = Assert.Single(claims, c => c is not null);
        var stored = await store.Handoffs.GetAsync(request.Id, Ct);
        Assert.Equal((winner!.AssignedCounselor, 1L, HandoffStatus.Active), (stored!.AssignedCounselor, stored.Version, stored.Status));
    }

    [Fact]
    public async Task A_counselor_messages_id_and_delivery_status_are_stored_and_updated()
    {
        await using var store = await OpenAsync();
        var message = new TranscriptEntry(Start, TranscriptAuthor.Counselor, "hello", "Maja") { MessageId = "m-1", Delivery = MessageDelivery.Sending };
        var request = Request("conv-1", "user-1", Start) with { Transcript = [message] };
        await store.Handoffs.InsertAsync(request, Ct);
        var stored = await store.Handoffs.GetAsync(request.Id, Ct);
        Assert.Equal(("m-1", MessageDelivery.Sending), (stored!.Transcript[0].MessageId, stored.Transcript[0].Delivery));

        var failed = HandoffStateMachine.RecordDelivery(stored, "m-1", new MessageDelivery(MessageDelivery.Failed, "unreachable: blocked")).Request!;
        Assert.NotNull(await store.Handoffs.TryUpdateAsync(failed, Ct));

        var updated = await store.Handoffs.GetAsync(request.Id, Ct);
        Assert.Equal(new MessageDelivery(MessageDelivery.Failed, "unreachable: blocked"), updated!.Transcript[0].Delivery);
        // A failure stays: a later part of the message reported delivered does not hide it.
        Assert.Same(updated, HandoffStateMachine.RecordDelivery(updated, "m-1", new MessageDelivery(MessageDelivery.Delivered)).Request);
    }

    [Fact]
    public async Task Update_with_a_stale_version_is_refused()
    {
        await using var store = await OpenAsync();
        var request = Request("conv-1", "user-1", Start);
        await store.Handoffs.InsertAsync(request, Ct);
        Assert.NotNull(await store.Handoffs.TryUpdateAsync(request with { Topic = "housing" }, Ct));

        Assert.Null(await store.Handoffs.TryUpdateAsync(request with { Topic = "work" }, Ct));
        Assert.Equal("housing", (await store.Handoffs.GetAsync(request.Id, Ct))!.Topic);
    }

    [Fact]
    public async Task Listing_filters_by_status_oldest_first()
    {
        await using var store = await OpenAsync();
        var late = Request("conv-2", "user-2", Start.AddMinutes(2));
        var early = Request("conv-1", "user-1", Start);
        var closed = Request("conv-3", "user-3", Start.AddMinutes(1)) with { Status = HandoffStatus.Closed };
        foreach (var request in new[] { late, early, closed })
        {
            await store.Handoffs.InsertAsync(request, Ct);
        }

        Assert.Equal([early.Id, late.Id], (await store.Handoffs.ListAsync(HandoffStatus.Waiting, Ct)).Select(r => r.Id));
        Assert.Equal([early.Id, closed.Id, late.Id], (await store.Handoffs.ListAsync(null, Ct)).Select(r => r.Id));
        Assert.Equal([closed.Id, late.Id], (await store.Handoffs.ListCreatedSinceAsync(Start.AddMinutes(1), Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task Erasing_a_user_removes_only_their_requests_and_export_lists_them_first()
    {
        await using var store = await OpenAsync();
        var mine = Request("conv-1", "user-1", Start);
        var theirs = Request("conv-2", "user-2", Start);
        await store.Handoffs.InsertAsync(mine, Ct);
        await store.Handoffs.InsertAsync(theirs, Ct);

        var export = await store.Handoffs.ExportUserDataAsync("telegram", "user-1", Ct);
        var removed = await store.Handoffs.DeleteUserDataAsync("telegram", "user-1", Ct);

        Assert.Equal(mine.Id.ToString(), export.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal(1, removed);
        Assert.Null(await store.Handoffs.GetAsync(mine.Id, Ct));
        Assert.NotNull(await store.Handoffs.GetAsync(theirs.Id, Ct));
    }

    [Fact]
    public async Task Retention_removes_old_closed_requests_keeps_open_ones_and_counts_them_per_day()
    {
        await using var store = await OpenAsync();
        var oldClosed = Request("conv-1", "user-1", Start) with { Status = HandoffStatus.Closed, Satisfaction = 4 };
        var oldOpen = Request("conv-2", "user-2", Start);
        var recentClosed = Request("conv-3", "user-3", Start.AddDays(40)) with { Status = HandoffStatus.Closed };
        foreach (var request in new[] { oldClosed, oldOpen, recentClosed })
        {
            await store.Handoffs.InsertAsync(request, Ct);
        }

        var purged = await store.Handoffs.PurgeOlderThanAsync(Start.AddDays(30), Ct);

        Assert.Equal(1, purged);
        Assert.Equal([oldOpen.Id, recentClosed.Id], (await store.Handoffs.ListAsync(null, Ct)).Select(r => r.Id));
        var day = Assert.Single(await store.Handoffs.DailyCountsAsync(DateOnly.FromDateTime(Start.UtcDateTime.AddDays(-1)), Ct));
        Assert.Equal((DateOnly.FromDateTime(Start.UtcDateTime), 1, 4, 1), (day.Date, day.Count, day.SatisfactionSum, day.SatisfactionCount));
    }

    private static HandoffRequest Request(string conversation, string user, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        Address = new ConversationAddress("telegram", conversation, user, "{}"),
        Language = "sl",
        Reason = HandoffReason.AskedForHuman,
        Priority = HandoffPriority.Normal,
        CreatedAt = at,
        LastUserActivityAt = at,
    };
}
