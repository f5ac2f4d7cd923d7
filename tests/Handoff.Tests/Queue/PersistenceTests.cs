using IntegrationBot.Handoff.Canned;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Tests.Support;

namespace IntegrationBot.Handoff.Tests.Queue;

public sealed class PersistenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Queue_assignments_notes_transcripts_and_accounts_survive_reopening_the_file()
    {
        using var world = new HandoffWorld();
        await world.Directory.AddAsync("Maja", ["sl", "en"], "correct horse", isAdmin: true, Ct);
        await world.Canned.SaveAsync(new CannedResponse("greet-sl", "sl", "Pozdrav", "Pozdravljeni!", world.Clock.GetUtcNow()), Ct);
        var waiting = await world.EnqueueAsync("w", "ar");
        var active = await world.EnqueueAsync("a", "sl", HandoffReason.Sensitive);
        await world.Queue.ClaimAsync(active.RequestId, "Maja", Ct);
        await world.Queue.RelayUserMessageAsync(active.RequestId, "مرحبا", Ct);
        await world.Queue.AddNoteAsync(active.RequestId, "Maja", "note", Ct);

        world.Reopen();

        Assert.Equal("w", Assert.Single(await world.Queue.ListAsync(HandoffStatus.Waiting, Ct)).Address.ConversationId);
        var restored = await world.Queue.GetAsync(active.RequestId, Ct);
        Assert.Equal(("Maja", HandoffPriority.Sensitive, "note"), (restored!.AssignedCounselor, restored.Priority, restored.Notes.Single().Text));
        Assert.Contains(restored.Transcript, e => e.Text == "مرحبا");
        Assert.Equal(HandoffResultKind.AlreadyTaken, (await world.Queue.ClaimAsync(active.RequestId, "Other", Ct)).Kind);
        Assert.Equal(Counselors.LoginStatus.Succeeded, (await world.Directory.LoginAsync("maja", "correct horse", Ct)).Status);
        Assert.Equal("Pozdravljeni!", Assert.Single(await world.Canned.ListAsync("sl", Ct)).Text);
        Assert.Equal(waiting.RequestId, (await world.Queue.FindOpenAsync("webchat", "w", Ct))!.Id);
    }
}
