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
        await bot.SendAsync("/counselor");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        var first = await bot.SendAsync("how do I open a bank account");

        Assert.Equal(bot.Text(Language.English, "handoff.stillQueued", new Dictionary<string, string> { ["position"] = "1" }), first[0].Text);
        Assert.Equal(bot.AnswerOf("bank-account", new("en")), FlowHarness.AnswerText(first.Skip(1).ToList()));

        var second = await bot.SendAsync("how do I get a tax number");
        Assert.DoesNotContain(second, r => r.Text!.Contains("queue", StringComparison.Ordinal));
        Assert.Equal(bot.AnswerOf("tax-number", new("en")), FlowHarness.AnswerText(second));

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
        await bot.SendAsync("/counselor");

        var reply = Assert.Single(await bot.SendAsync("ali je kdo tam"));

        Assert.StartsWith("Vaša prošnja je še v vrsti (1. na vrsti). Urad je zdaj zaprt", reply.Text);
        Assert.Contains("ponedeljek", reply.Text);
    }

    [Theory]
    [InlineData(Language.English, "Ana · counselor")]
    [InlineData(Language.Slovenian, "Ana · svetovalec")]
    [InlineData(Language.Albanian, "Ana · këshilltar")]
    [InlineData(Language.Bcs, "Ana · savjetnik")]
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
}
