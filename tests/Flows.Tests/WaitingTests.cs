using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>While a request waits, the bot still answers, says once where the request stands, and relays everything.</summary>
public sealed class WaitingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_question_while_waiting_is_answered_relayed_and_the_queue_position_said_once()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.Flow().Send("/counselor").IgnoreReplies().StartTestAsync(Ct);
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        await bot.Flow()
            .Send("how do I open a bank account")
            .AssertReply("Your request is still in the queue: you are number 1. The counselor sees your messages and will write to you here.")
            .AssertAnswer(bot.AnswerOf("bank-account", new("en")), "Was this helpful?", "👍 Yes", "👎 No")
            .Send("how do I get a tax number")
            .AssertAnswer(bot.AnswerOf("tax-number", new("en")), "Was this helpful?", "👍 Yes", "👎 No")
            .StartTestAsync(Ct);

        var relayed = (await bot.Queue.GetAsync(request.Id, Ct))!.Transcript;
        Assert.Contains(relayed, e => e.Author == TranscriptAuthor.User && e.Text == "how do I open a bank account");
        Assert.Contains(relayed, e => e.Author == TranscriptAuthor.User && e.Text == "how do I get a tax number");
    }

    [Fact]
    public async Task After_hours_a_message_while_waiting_is_acknowledged_with_the_opening_time()
    {
        await using var bot = FlowHarness.Create();
        bot.Clock.Advance(new DateTimeOffset(2026, 11, 27, 21, 42, 0, TimeSpan.Zero) - FlowHarness.MondayMorning); // Friday 22:42 in Ljubljana
        await bot.StartInAsync(Language.Slovenian);

        await bot.Flow()
            .Send("/counselor")
            .AssertReply("Če ste vi ali kdo drug v nevarnosti, ne čakajte: pokličite 112 (nujna medicinska pomoč, gasilci) ali 113 (policija).")
            .AssertReply("Pisarna je zdaj zaprta. Ponovno se odpre: ponedeljek 30. 11. 2026, 08:00. Pustite sporočilo tukaj; svetovalec vam bo takrat odgovoril.")
            .Send("ali je kdo tam")
            .AssertReply("Vaša prošnja je še v vrsti (1. na vrsti). Pisarna je zdaj zaprta; svetovalec bo vaša sporočila prebral, ko se odpre: ponedeljek 30. 11. 2026, 08:00.")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Theory]
    [InlineData(Language.English, "Ana · counselor")]
    [InlineData(Language.Slovenian, "Ana · svetovalna služba")]
    [InlineData(Language.Albanian, "Ana · shërbimi i këshillimit")]
    [InlineData(Language.Bcs, "Ana · savjetodavna služba")]
    public async Task A_counselor_reply_is_labelled_with_the_name_and_role_in_the_persons_language(string language, string label)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);
        await bot.SendAsync("/counselor");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        await bot.Queue.ClaimAsync(request.Id, "Ana", Ct);
        await bot.DeliverAsync();

        await bot.Queue.SendCounselorMessageAsync(request.Id, "Ana", "Dober dan", Ct);

        Assert.Equal(label + "\nDober dan", Assert.Single(await bot.DeliverAsync()).Text);
    }

    // Seen in a Cyrillic web chat: the name was spelled out letter by letter in Cyrillic ("Ана"), which mangles names
    // that are not Slavic, while the reply's label stayed Latin ("Ana · savjetnik") in a Cyrillic conversation.
    [Fact]
    public async Task A_cyrillic_reader_gets_the_counselors_name_and_words_as_written_and_the_rest_in_cyrillic()
    {
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync("sr-Cyrl");
        await bot.SendAsync("Прихватам");
        await bot.SendAsync("/counselor");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        await bot.Queue.ClaimAsync(request.Id, "Fatima Al-Khatib", Ct);

        Assert.Equal("Fatima Al-Khatib из савјетодавне службе је сада с вама. Напишите своје питање.", Assert.Single(await bot.DeliverAsync()).Text);

        await bot.Queue.SendCounselorMessageAsync(request.Id, "Fatima Al-Khatib", "Zdravo, ja sam Fatima. [[x]]", Ct);

        Assert.Equal("Fatima Al-Khatib · савјетодавна служба\nZdravo, ja sam Fatima. [[x]]", Assert.Single(await bot.DeliverAsync()).Text);
    }
}
