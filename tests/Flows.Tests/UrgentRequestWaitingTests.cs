using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// While an urgent request waits, the person writes what happened, as the bot asked them to. Found walking the emergency
/// journey: "he took the children and my documents" and "i am scared, i am with my kids at the bus station" were each
/// answered "Did you mean one of these?" with a list of topics, as if the bot had not listened. Now they are told the
/// request waits and the counselor sees the message; a clear question is still answered.
/// </summary>
public sealed class UrgentRequestWaitingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string StillQueued = "Your request is still in the queue: you are number 1. The counselor sees your messages and will write to you here.";

    [Theory]
    [InlineData("he took the children and my documents")]
    [InlineData("i am scared, i am with my kids at the bus station")]
    public async Task What_happened_is_acknowledged_not_answered_with_a_choice_of_topics(string text)
    {
        await using var bot = await UrgentRequestAsync();

        await bot.Flow()
            .Send(text)
            .AssertReply(StillQueued)
            .AssertNoReply()
            .StartTestAsync(Ct);
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Contains(request.Transcript, e => (e.Author, e.Text) == (TranscriptAuthor.User, text));
    }

    [Fact]
    public async Task A_clear_question_is_still_answered()
    {
        await using var bot = await UrgentRequestAsync();

        await bot.Flow()
            .Send("we have no papers and no money")
            .AssertReply(StillQueued)
            .AssertReplyContains("Centre for Social Work")
            .IgnoreReplies()
            .StartTestAsync(Ct);
    }

    private static async Task<FlowHarness> UrgentRequestAsync()
    {
        var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.Flow()
            .Send("my husband hit me").IgnoreReplies()
            .Send("Talk to a counselor now").IgnoreReplies()
            .StartTestAsync(Ct);
        Assert.Equal(HandoffPriority.Emergency, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).Priority);
        return bot;
    }
}
