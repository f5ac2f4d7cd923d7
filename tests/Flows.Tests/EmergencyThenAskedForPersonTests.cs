using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// After an emergency, a person is asked for in words ("I want to talk to a person") as often as with the offered
/// button. Found walking Viber on the real host after hours: "my child is not breathing" (before the privacy notice was
/// accepted) got the numbers and "I keep this message and what you write next for the counselors"; the typed request
/// then got the consent question, and its Accept queued a request of normal priority and told the person "The counselor
/// does not see what you wrote before you agreed to the privacy notice", while the request carried the emergency.
/// </summary>
public sealed class EmergencyThenAskedForPersonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Before_the_privacy_notice_a_typed_request_after_an_emergency_is_the_urgent_request_with_no_consent_step()
    {
        await using var bot = FlowHarness.Create();
        bot.Clock.Advance(TimeSpan.FromHours(10));
        await bot.StartInAsync(Language.English, acceptPrivacy: false);

        await bot.Flow()
            .Send("my child is not breathing").IgnoreReplies()
            .Send("I want to talk to a person")
            .AssertReply(HandoffFlowTests.UrgentAfterHours)
            .AssertNoReply()
            .StartTestAsync(Ct);

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal(HandoffPriority.Emergency, request.Priority);
        Assert.Contains(request.Transcript, e => (e.Author, e.Text) == (TranscriptAuthor.User, "my child is not breathing"));
    }

    [Fact]
    public async Task After_the_privacy_notice_a_typed_request_after_an_emergency_is_urgent()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("help my husband is beating me").IgnoreReplies()
            .Send("I want to talk to a person").IgnoreReplies()
            .StartTestAsync(Ct);

        Assert.Equal(HandoffPriority.Emergency, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).Priority);
    }

    [Fact]
    public async Task An_emergency_while_the_consent_question_waits_is_not_called_unseen_on_Accept()
    {
        await using var bot = FlowHarness.Create();
        bot.Clock.Advance(TimeSpan.FromHours(10));
        await bot.StartInAsync(Language.English, acceptPrivacy: false);

        await bot.Flow()
            .Send("I want to talk to a person").IgnoreReplies()
            .Send("my child is not breathing").IgnoreReplies()
            .Send("Accept")
            .AssertReply(HandoffFlowTests.UrgentAfterHours)
            .AssertNoReply()
            .StartTestAsync(Ct);

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal(HandoffPriority.Emergency, request.Priority);
        Assert.Contains(request.Transcript, e => (e.Author, e.Text) == (TranscriptAuthor.User, "my child is not breathing"));
    }
}
