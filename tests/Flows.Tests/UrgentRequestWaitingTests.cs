using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// While an urgent request waits, the person writes what happened, as the bot asked them to. Found walking the emergency
/// journey: "he took the children and my documents" and "i am scared, i am with my kids at the bus station" were each
/// answered "Did you mean one of these?" with a list of topics, as if the bot had not listened, and "i am at the bus
/// station with my kids" got the bus timetables. Now what tells is acknowledged (the request waits, the counselor sees
/// the message); what asks is still answered.
/// </summary>
public sealed class UrgentRequestWaitingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string StillQueued = "Your request is still in the queue: you are number 1. The counselor sees your messages and will write to you here.";

    [Theory]
    [InlineData("he took the children and my documents")]
    [InlineData("i am scared, i am with my kids at the bus station")]
    // Found in review: a confident match was still answered in full (the timetables, the SIM card).
    [InlineData("i am at the bus station with my kids")]
    [InlineData("he threw us out, we are at the bus station")]
    [InlineData("he has my phone")]
    [InlineData("we have no papers and no money")]
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
            .Send("he threw us out, where can we sleep tonight")
            .AssertReply(StillQueued)
            .AssertReplyContains("Nowhere to sleep tonight?")
            .IgnoreReplies()
            .StartTestAsync(Ct);
    }

    [Theory]
    [InlineData(Language.English, "he left, where can we sleep", true)]
    [InlineData(Language.English, "we need a place to sleep", true)]
    [InlineData(Language.English, "he has my phone", false)]
    [InlineData(Language.Slovenian, "kje lahko spimo nocoj", true)]
    [InlineData(Language.Slovenian, "sem na avtobusni postaji z otroki", false)]
    [InlineData(Language.Bcs, "gdje možemo spavati večeras", true)]
    [InlineData(Language.Bcs, "где можемо спавати вечерас", true)]
    [InlineData(Language.Bcs, "на аутобуској сам станици са дјецом", false)]
    [InlineData(Language.Albanian, "ku mund të flemë sonte", true)]
    [InlineData(Language.Albanian, "jam në stacionin e autobusit me fëmijët", false)]
    [InlineData(Language.Arabic, "وين ممكن ننام الليلة", true)]
    [InlineData(Language.Arabic, "انا في محطة الباص مع اولادي", false)]
    public async Task A_message_asks_when_a_clause_begins_with_a_question_word_or_a_word_asks_for_something(string language, string text, bool asks)
    {
        await using var bot = FlowHarness.Create();
        Assert.Equal(asks, bot.Get<IntegrationBot.Flows.Answers.QuestionParts>().Asks(text, language));
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
