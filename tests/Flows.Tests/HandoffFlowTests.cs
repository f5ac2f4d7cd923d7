using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

public sealed class HandoffFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_message_that_asks_for_a_person_is_in_the_transcript_the_counselor_receives()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("how do I open a bank account");

        // The turn's lines are written together at its end, but the request reads the transcript during the turn.
        await bot.SendAsync("/counselor");

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal((TranscriptAuthor.User, "/counselor"), (request.Transcript[^1].Author, request.Transcript[^1].Text));
        var stored = await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct);
        Assert.Single(stored, m => m.Text == "/counselor");
        Assert.Equal(TranscriptAuthor.Bot, stored[^1].Author);
    }

    [Fact]
    public async Task Counselor_request_queues_with_position_then_relays_both_ways_and_closing_asks_for_satisfaction()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("how do I open a bank account");

        var queued = await bot.SendAsync("/counselor");
        Assert.Equal(bot.Text(Language.English, "handoff.queuedOpen", new Dictionary<string, string> { ["position"] = "1", ["wait"] = "10" }), Assert.Single(queued).Text);
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal("en", request.Language);
        Assert.Equal("bank-account", request.Topic);
        Assert.Contains(request.Transcript, e => e.Author == TranscriptAuthor.User && e.Text == "how do I open a bank account");

        Assert.Equal(bot.Text(Language.English, "handoff.stillQueued", new Dictionary<string, string> { ["position"] = "1" }), (await bot.SendAsync("my bank refused me, can you call them?"))[0].Text);
        var relayed = await bot.Queue.GetAsync(request.Id, Ct);
        Assert.Equal("my bank refused me, can you call them?", relayed!.Transcript[^1].Text);

        await bot.Queue.ClaimAsync(request.Id, "Maja", Ct);
        Assert.Equal(bot.Text(Language.English, "handoff.claimed", new Dictionary<string, string> { ["counselor"] = "Maja" }), Assert.Single(await bot.DeliverAsync()).Text);

        await bot.Queue.SendCounselorMessageAsync(request.Id, "Maja", "Which bank was it?", Ct);
        Assert.Equal("Maja · counselor\nWhich bank was it?", Assert.Single(await bot.DeliverAsync()).Text);
        Assert.Empty(await bot.SendAsync("NLB"));

        await bot.Queue.CloseAsync(request.Id, "Maja", "resolved", Ct);
        var closing = await bot.DeliverAsync();
        Assert.Equal(bot.Text(Language.English, "handoff.closed"), closing[0].Text);
        Assert.Equal(bot.Text(Language.English, "handoff.satisfactionQuestion"), closing[1].Text);
        Assert.Equal(["1", "2", "3", "4", "5"], closing[1].Buttons());

        Assert.Equal(bot.Text(Language.English, "handoff.satisfactionThanks"), (await bot.SendAsync("4"))[0].Text);
        Assert.Equal(4, (await bot.Queue.GetAsync(request.Id, Ct))!.Satisfaction);

        var answer = await bot.SendAsync("how do I open a bank account");
        Assert.Equal(bot.AnswerOf("bank-account", new("en")), FlowHarness.AnswerText(answer));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("sq")]
    [InlineData("ar")]
    public async Task The_person_is_told_in_their_language_when_the_counselor_releases_or_transfers_the_conversation(string code)
    {
        await using var bot = FlowHarness.Create();
        var language = code;
        await bot.StartInAsync(language);
        await bot.SendAsync("/counselor");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        await bot.Queue.ClaimAsync(request.Id, "Maja", Ct);
        await bot.DeliverAsync();

        await bot.Queue.ReleaseAsync(request.Id, "Maja", Ct);
        Assert.Equal(bot.Text(language, "handoff.released", new Dictionary<string, string> { ["position"] = "1" }), Assert.Single(await bot.DeliverAsync()).Text);
        // Waiting again: a message is relayed to the request, acknowledged with the place in the queue.
        Assert.Equal(bot.Text(language, "handoff.stillQueued", new Dictionary<string, string> { ["position"] = "1" }), (await bot.SendAsync("are you there?"))[0].Text);

        await bot.Queue.ClaimAsync(request.Id, "Maja", Ct);
        await bot.DeliverAsync();
        await bot.Queue.TransferToLanguageAsync(request.Id, "Maja", "sl", Ct);
        Assert.Equal(bot.Text(language, "handoff.transferredToQueue", new Dictionary<string, string> { ["position"] = "1" }), Assert.Single(await bot.DeliverAsync()).Text);

        await bot.Queue.ClaimAsync(request.Id, "Maja", Ct);
        await bot.DeliverAsync();
        await bot.AddCounselorAsync("Amira");
        await bot.Queue.TransferToCounselorAsync(request.Id, "Maja", "Amira", Ct);
        Assert.Equal(bot.Text(language, "handoff.transferred", new Dictionary<string, string> { ["counselor"] = "Amira" }), Assert.Single(await bot.DeliverAsync()).Text);
    }

    [Fact]
    public async Task Each_counselor_message_shows_delivered_pending_with_the_reason_or_failed_with_why()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/counselor");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        await bot.Queue.ClaimAsync(request.Id, "Maja", Ct);
        await bot.DeliverAsync();

        var sent = await bot.Queue.SendCounselorMessageAsync(request.Id, "Maja", "First", Ct);
        Assert.Equal(new MessageDelivery(MessageDelivery.Pending), sent.Request!.Transcript[^1].Delivery);
        await bot.DeliverAsync();
        Assert.Equal(new MessageDelivery(MessageDelivery.Delivered), await DeliveryOfAsync(bot, request.Id, "First"));

        bot.Adapter.Sender.Behaviour = _ => DeliveryResult.RetryAfter(TimeSpan.FromSeconds(30));
        await bot.Queue.SendCounselorMessageAsync(request.Id, "Maja", "Second", Ct);
        await bot.DeliverAsync();
        Assert.Equal(new MessageDelivery(MessageDelivery.Pending, "rate limited"), await DeliveryOfAsync(bot, request.Id, "Second"));

        bot.Adapter.Sender.Behaviour = _ => DeliveryResult.Failed("Bad Request: chat not found", permanent: true);
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await bot.DeliverAsync();
        Assert.Equal(new MessageDelivery(MessageDelivery.Failed, "Bad Request: chat not found"), await DeliveryOfAsync(bot, request.Id, "Second"));
        Assert.Equal(new MessageDelivery(MessageDelivery.Delivered), await DeliveryOfAsync(bot, request.Id, "First"));
    }

    private static async Task<MessageDelivery?> DeliveryOfAsync(FlowHarness bot, Guid id, string text) =>
        (await bot.Queue.GetAsync(id, Ct))!.Transcript.Single(e => e.Author == TranscriptAuthor.Counselor && e.Text == text).Delivery;

    [Fact]
    public async Task Without_privacy_acceptance_the_notice_comes_first_and_accepting_queues_the_request()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian, acceptPrivacy: false);
        await bot.SendAsync(bot.Title(Language.Slovenian, "privacy.decline"));

        var ask = await bot.SendAsync(bot.Title(Language.Slovenian, "menu.counselor"));
        Assert.Equal(bot.Text(Language.Slovenian, "privacy.requiredForHandoff"), Assert.Single(ask).Text);
        Assert.Empty(await bot.Queue.ListAsync(null, Ct));

        var queued = await bot.SendAsync(bot.Title(Language.Slovenian, "privacy.accept"));
        Assert.Equal(bot.Text(Language.Slovenian, "handoff.queuedOpen", new Dictionary<string, string> { ["position"] = "1", ["wait"] = "10" }), Assert.Single(queued).Text);
        Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
    }

    [Fact]
    public async Task Outside_office_hours_the_person_is_told_when_it_opens()
    {
        await using var bot = FlowHarness.Create();
        bot.Clock.Advance(TimeSpan.FromHours(10));
        await bot.StartInAsync(Language.English);

        var queued = await bot.SendAsync("I want to talk to a person");

        Assert.Equal(2, queued.Count);
        Assert.Equal(bot.Text(Language.English, "handoff.closedEmergencyFirst"), queued[0].Text);
        Assert.Equal(bot.Text(Language.English, "handoff.queuedClosed", new Dictionary<string, string> { ["opening"] = "Tuesday 24. 11. 2026, 08:00" }), queued[1].Text);
    }

    [Fact]
    public async Task After_hours_an_emergency_offer_says_when_a_counselor_will_read_it_and_never_now()
    {
        await using var bot = FlowHarness.Create();
        bot.Clock.Advance(TimeSpan.FromHours(10));
        await bot.StartInAsync(Language.English);

        var replies = await bot.SendAsync("he has a knife and says he will kill me");

        Assert.Equal(bot.Text(Language.English, "emergency.danger"), replies[0].Text);
        Assert.Equal(bot.Text(Language.English, "emergency.counselorOfferClosed", new Dictionary<string, string> { ["opening"] = "Tuesday 24. 11. 2026, 08:00" }), replies[^1].Text);
        Assert.Equal([bot.Title(Language.English, "emergency.counselorOfferClosedButton")], replies[^1].Buttons());
        Assert.DoesNotContain(replies, r => r.Buttons().Contains(bot.Title(Language.English, "emergency.counselorOffer")));

        var queued = await bot.SendAsync(bot.Title(Language.English, "emergency.counselorOfferClosedButton"));
        Assert.Equal(HandoffPriority.Emergency, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).Priority);
        Assert.Contains("Tuesday 24. 11. 2026, 08:00", queued[0].Text);
    }

    [Fact]
    public async Task Menu_withdraws_the_request_and_danger_still_gets_the_numbers_while_waiting()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/counselor");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        var emergency = await bot.SendAsync("help my husband is beating me");
        Assert.Equal(bot.Text(Language.English, "emergency.violence"), emergency[0].Text);
        Assert.Equal(bot.Text(Language.English, "handoff.urgentQueued"), emergency[^1].Text);
        Assert.Equal(HandoffPriority.Emergency, (await bot.Queue.GetAsync(request.Id, Ct))!.Priority);

        // An urgent request is never withdrawn without the person's confirmation.
        var ask = Assert.Single(await bot.SendAsync("/menu"));
        Assert.Equal(bot.Text(Language.English, "handoff.cancelConfirm"), ask.Text);
        Assert.Equal([bot.Title(Language.English, "handoff.cancelYes"), bot.Title(Language.English, "handoff.cancelNo")], ask.Buttons());
        Assert.Equal(HandoffStatus.Waiting, (await bot.Queue.GetAsync(request.Id, Ct))!.Status);

        var menu = await bot.SendAsync(bot.Title(Language.English, "handoff.cancelYes"));
        Assert.Equal(bot.Text(Language.English, "handoff.cancelled"), menu[0].Text);
        Assert.Equal(bot.Text(Language.English, "menu.prompt"), menu[^1].Text);
        Assert.Equal(HandoffStatus.Closed, (await bot.Queue.GetAsync(request.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Menu_while_waiting_asks_first_and_no_keeps_the_request_and_shows_the_menu()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);
        await bot.SendAsync("/counselor");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        Assert.Equal(bot.Text(Language.Albanian, "handoff.cancelConfirm"), Assert.Single(await bot.SendAsync("/menu")).Text);
        var kept = Assert.Single(await bot.SendAsync(bot.Title(Language.Albanian, "handoff.cancelNo")));

        Assert.Equal(bot.Text(Language.Albanian, "handoff.keptWaiting"), kept.Text);
        Assert.Contains(bot.Title(Language.Albanian, "menu.category.documents"), kept.Buttons());
        Assert.Equal(HandoffStatus.Waiting, (await bot.Queue.GetAsync(request.Id, Ct))!.Status);
    }

    [Fact]
    public async Task An_unclaimed_timeout_tells_the_person_and_gives_the_office_contact()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/counselor");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        await bot.Queue.TimeOutAsync(request.Id, HandoffTimeoutReason.Unclaimed, Ct);

        var reply = Assert.Single(await bot.DeliverAsync());
        Assert.Contains("Starting Point", reply.Text);
        Assert.Contains("05 700 00 00", reply.Text);
        Assert.NotEmpty(await bot.SendAsync("how do I open a bank account"));
    }
}
