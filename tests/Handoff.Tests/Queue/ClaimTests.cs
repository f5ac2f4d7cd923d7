using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Tests.Support;

namespace IntegrationBot.Handoff.Tests.Queue;

public sealed class ClaimTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exactly_one_of_fifty_concurrent_claimers_wins_on_a_real_LiteDB_file()
    {
        using var world = new HandoffWorld();
        var ticket = await world.EnqueueAsync("hot");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var claims = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return (Name: $"c{i}", Result: await world.Queue.ClaimAsync(ticket.RequestId, $"c{i}", Ct));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(claims);

        var winner = Assert.Single(results, r => r.Result.Succeeded);
        Assert.All(results.Where(r => !r.Result.Succeeded), r => Assert.Equal(HandoffResultKind.AlreadyTaken, r.Result.Kind));
        world.Reopen();
        var stored = await world.Queue.GetAsync(ticket.RequestId, Ct);
        Assert.Equal(winner.Name, stored!.AssignedCounselor);
        Assert.Equal(HandoffStatus.Active, stored.Status);
        Assert.Equal([$"hot claimed by {winner.Name}"], world.Messenger.Sent);
    }

    [Fact]
    public async Task Claim_by_second_counselor_is_rejected_while_first_holds_it_and_allowed_after_release()
    {
        using var world = new HandoffWorld();
        var ticket = await world.EnqueueAsync("c");
        Assert.True((await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct)).Succeeded);

        Assert.Equal(HandoffResultKind.AlreadyTaken, (await world.Queue.ClaimAsync(ticket.RequestId, "Amira", Ct)).Kind);
        Assert.Equal(HandoffResultKind.NotHolder, (await world.Queue.ReleaseAsync(ticket.RequestId, "Amira", Ct)).Kind);
        Assert.True((await world.Queue.ReleaseAsync(ticket.RequestId, "Maja", Ct)).Succeeded);
        Assert.True((await world.Queue.ClaimAsync(ticket.RequestId, "Amira", Ct)).Succeeded);
        // The person heard of each change once: taken, back in the queue (first in line), taken again; never of the refused calls.
        Assert.Equal(["c claimed by Maja", "c released at 1", "c claimed by Amira"], world.Messenger.Sent);
    }

    [Fact]
    public async Task Claiming_again_by_the_holder_is_harmless_and_tells_the_user_once()
    {
        using var world = new HandoffWorld();
        var ticket = await world.EnqueueAsync("c");
        await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct);
        var again = await world.Queue.ClaimAsync(ticket.RequestId, "maja", Ct);

        Assert.True(again.Succeeded);
        Assert.Single(world.Messenger.Sent);
    }

    [Fact]
    public async Task Transfer_to_a_colleague_makes_them_the_holder_and_unknown_colleagues_are_refused()
    {
        using var world = new HandoffWorld();
        await world.Directory.AddAsync("Amira", ["ar", "en"], "password-2", false, Ct);
        var ticket = await world.EnqueueAsync("c");
        await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct);

        Assert.Equal(HandoffResultKind.InvalidInput, (await world.Queue.TransferToCounselorAsync(ticket.RequestId, "Maja", "Ghost", Ct)).Kind);
        var moved = await world.Queue.TransferToCounselorAsync(ticket.RequestId, "Maja", "amira", Ct);

        Assert.Equal("Amira", moved.Request!.AssignedCounselor);
        Assert.Equal(HandoffResultKind.NotHolder, (await world.Queue.SendCounselorMessageAsync(ticket.RequestId, "Maja", "hi", Ct)).Kind);
        Assert.Contains("c transferred to Amira", world.Messenger.Sent);
        Assert.DoesNotContain("c claimed by Amira", world.Messenger.Sent);
    }

    [Fact]
    public async Task Claim_of_a_closed_or_missing_request_fails_without_exceptions()
    {
        using var world = new HandoffWorld();
        var ticket = await world.EnqueueAsync("c");
        await world.Queue.CancelAsync(ticket.RequestId, "user-left", Ct);

        Assert.Equal(HandoffResultKind.InvalidState, (await world.Queue.ClaimAsync(ticket.RequestId, "Maja", Ct)).Kind);
        Assert.Equal(HandoffResultKind.NotFound, (await world.Queue.ClaimAsync(Guid.NewGuid(), "Maja", Ct)).Kind);
    }
}
