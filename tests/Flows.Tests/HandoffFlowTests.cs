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
        Assert.Single(request.Transcript, e => (e.Author, e.Text) == (TranscriptAuthor.User, "/counselor"));
        var stored = await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct);
        Assert.Single(stored, m => m.Text == "/counselor");
        Assert.Equal(TranscriptAuthor.Bot, stored[^1].Author);
    }

    [Fact]
    public async Task Counselor_request_queues_with_position_then_relays_both_ways_and_closing_asks_for_satisfaction()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("how do I open a bank account").IgnoreReplies()
            .Send("/counselor")
            .AssertReply("I have passed your question to a counselor. You are number 1 in line; the estimated wait is about 10 minutes. You can keep writing here; the counselor will see your messages.")
            .AssertNoReply()
            .StartTestAsync(Ct);
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal("en", request.Language);
        Assert.Equal("bank-account", request.Topic);
        Assert.Contains(request.Transcript, e => e.Author == TranscriptAuthor.User && e.Text == "how do I open a bank account");

        await bot.Flow()
            .Send("my bank refused me, can you call them?")
            .AssertReply("Your request is still in the queue: you are number 1. The counselor sees your messages and will write to you here.")
            .IgnoreReplies()
            .StartTestAsync(Ct);
        var relayed = (await bot.Queue.GetAsync(request.Id, Ct))!.Transcript;
        var asked = relayed.ToList().FindIndex(e => e.Author == TranscriptAuthor.User && e.Text == "my bank refused me, can you call them?");
        Assert.True(asked >= 0);
        // The counselor also reads what the bot told the person meanwhile, after their message.
        Assert.Contains(relayed.Skip(asked + 1), e => e.Author == TranscriptAuthor.Bot && e.Text.StartsWith("Your request is still in the queue: you are number 1.", StringComparison.Ordinal));

        await bot.Flow()
            .Then(ct => bot.Queue.ClaimAsync(request.Id, "Maja", ct))
            .Deliver()
            .AssertReply("Counselor Maja is now with you. Write your question.")
            .AssertNoReply()
            .Then(ct => bot.Queue.SendCounselorMessageAsync(request.Id, "Maja", "Which bank was it?", ct))
            .Deliver()
            .AssertReply("Maja · counselor\nWhich bank was it?")
            .AssertNoReply()
            .Send("NLB")
            .AssertNoReply()
            .Then(ct => bot.Queue.CloseAsync(request.Id, "Maja", "resolved", ct))
            .Deliver()
            .AssertReply("Thank you for talking with us. The counselor has closed the conversation; I am here again if you need anything.")
            .AssertReply("How satisfied were you with the help? (1 = not at all, 5 = very)", "1", "2", "3", "4", "5")
            .Send("4")
            .AssertReply("Thank you for your rating!", Said.EnglishMenu)
            .StartTestAsync(Ct);
        Assert.Equal(4, (await bot.Queue.GetAsync(request.Id, Ct))!.Satisfaction);

        await bot.Flow()
            .Send("how do I open a bank account")
            .AssertAnswer(bot.AnswerOf("bank-account", new("en")), "Was this helpful?", "👍 Yes", "👎 No")
            .StartTestAsync(Ct);
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

        await bot.Flow()
            .Send("Ne sprejmem").IgnoreReplies()
            .Send("Pogovor s svetovalcem")
            .AssertReply(
                "Da vašo prošnjo predam svetovalcu, moram hraniti vaša sporočila: sporočila in izbrani jezik hranim 90 dni, vidijo pa jih samo svetovalci pisarne Izhodiščna točka. Vse lahko kadar koli izbrišete z ukazom /delete. Če sprejmete, vašo prošnjo takoj predam svetovalcu.",
                "Sprejmem", "Več o tem", "Ne sprejmem")
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Empty(await bot.Queue.ListAsync(null, Ct));

        await bot.Flow()
            .Send("Sprejmem")
            .AssertReply("Vaše vprašanje sem predal svetovalcu. V vrsti ste 1.; pričakovano čakanje je približno 10 minut. Lahko še naprej pišete tukaj; svetovalec bo videl vaša sporočila.")
            .AssertReplyContains("preden ste sprejeli obvestilo")
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
    }

    [Fact]
    public async Task Outside_office_hours_the_person_is_told_when_it_opens()
    {
        await using var bot = await AfterHoursInAsync(Language.English);

        await bot.Flow()
            .Send("I want to talk to a person")
            .AssertReply("If you or someone else is in danger, do not wait: call 112 (ambulance, fire brigade) or 113 (police).")
            .AssertReply("The office is closed now. It opens again on Tuesday 24 November 2026, 08:00. Leave your message here; a counselor will answer you then.")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    // Seen in the console: a request opened after hours showed the person's message and nothing after it, although the
    // bot had told them to call 112/113 and when the office opens. The counselor must read what the person was told.
    [Fact]
    public async Task The_counselor_reads_what_the_bot_said_in_the_turn_that_opened_the_request()
    {
        await using var bot = await AfterHoursInAsync(Language.English);
        await bot.Flow().Send("I want to talk to a person").IgnoreReplies().StartTestAsync(Ct);

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal(
            [
                (TranscriptAuthor.User, "I want to talk to a person"),
                (TranscriptAuthor.Bot, "If you or someone else is in danger, do not wait: call 112 (ambulance, fire brigade) or 113 (police)."),
                (TranscriptAuthor.Bot, "The office is closed now. It opens again on Tuesday 24 November 2026, 08:00. Leave your message here; a counselor will answer you then."),
            ],
            LastLines(request, 3));
    }

    [Fact]
    public async Task After_an_emergency_the_counselor_reads_the_numbers_given_and_what_the_bot_said_when_the_request_opened()
    {
        await using var bot = await AfterHoursInAsync(Language.English);
        await bot.Flow()
            .Send("he has a knife and says he will kill me").IgnoreReplies()
            .Send("Leave a message for a counselor").IgnoreReplies()
            .StartTestAsync(Ct);

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal(
            [
                (TranscriptAuthor.User, "he has a knife and says he will kill me"),
                (TranscriptAuthor.Bot, "If you are in danger, call the police now: 113.\n112 – ambulance and fire brigade (also in English)\n080 12 00 – anonymous police line"),
                (TranscriptAuthor.Bot, "The office is closed now. A counselor will read your message when it opens on Tuesday 24 November 2026, 08:00. You can leave it now."),
                (TranscriptAuthor.User, "Leave a message for a counselor"),
                (TranscriptAuthor.Bot, UrgentAfterHours),
            ],
            LastLines(request, 5));
    }

    [Fact]
    public async Task In_office_hours_the_counselor_reads_the_place_in_line_the_person_was_given()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.Flow().Send("/counselor").IgnoreReplies().StartTestAsync(Ct);

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal(
            [
                (TranscriptAuthor.User, "/counselor"),
                (TranscriptAuthor.Bot, "I have passed your question to a counselor. You are number 1 in line; the estimated wait is about 10 minutes. You can keep writing here; the counselor will see your messages."),
            ],
            LastLines(request, 2));
    }

    // Seen in Chromium on a Saturday: the Arabic reply said only "2026-12-07 08:00", where every other language names
    // the day ("Monday 7 December 2026, 08:00"; English had "7. 12. 2026", a Slovenian way of writing the date). Then,
    // walking the plan on Telegram on a Sunday, "يوم الاثنين 2026-12-07 08:00": the day named, the date still ISO. Now
    // the date as the Arabic plan writes its dates (24.11.2026) and "الساعة" (at) before the time.
    [Fact]
    public async Task Outside_office_hours_an_Arabic_reader_is_told_the_day_it_opens()
    {
        await using var bot = await AfterHoursInAsync(Language.Arabic);

        await bot.Flow()
            .Send("أريد التحدث مع شخص")
            .AssertReplyContains("112")
            .AssertReplyContains("في يوم الثلاثاء \u206624.11.2026\u2069 الساعة \u206608:00\u2069.")
            .StartTestAsync(Ct);
    }

    // Found walking Telegram after hours: after "The office is closed now. A counselor will read your message when it
    // opens on …", tapping "Leave a message for a counselor" was answered "The office is closed now. It opens again on …
    // Leave your message here" and then "marked as urgent": the closed office said twice, the second time as if the
    // person had not just left it. Now one message: urgent, when it will be read, write what happened, 112/113 meanwhile.
    internal const string UrgentAfterHours = "I have marked your request as urgent. A counselor will read it when the office opens on Tuesday 24 November 2026, 08:00. Write here what happened; the counselor will see it. If someone is in danger now, call 112 or 113.";

    [Fact]
    public async Task After_hours_an_emergency_offer_says_when_a_counselor_will_read_it_and_never_now()
    {
        await using var bot = await AfterHoursInAsync(Language.English);

        await bot.Flow()
            .Send("he has a knife and says he will kill me")
            .AssertReply("If you are in danger, call the police now: 113.\n112 – ambulance and fire brigade (also in English)\n080 12 00 – anonymous police line")
            .AssertReply("The office is closed now. A counselor will read your message when it opens on Tuesday 24 November 2026, 08:00. You can leave it now.", "Leave a message for a counselor")
            .AssertNoReply()
            .Send("Leave a message for a counselor")
            .AssertReply(UrgentAfterHours)
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Equal(HandoffPriority.Emergency, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).Priority);
    }

    [Fact]
    public async Task After_hours_an_Arabic_emergency_request_is_confirmed_once_with_the_day_it_will_be_read()
    {
        await using var bot = await AfterHoursInAsync(Language.Arabic);

        await bot.Flow()
            .Send("زوجي يضربني").IgnoreReplies()
            .Send(bot.Title(Language.Arabic, "emergency.counselorOfferClosedButton"))
            .AssertReplyContains("لقد وضعت علامة عاجل على طلبك. سيقرأه مستشار عند افتتاح المكتب في يوم الثلاثاء \u206624.11.2026\u2069 الساعة \u206608:00\u2069.")
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Equal(HandoffPriority.Emergency, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).Priority);
    }

    [Fact]
    public async Task Menu_withdraws_the_request_and_danger_still_gets_the_numbers_while_waiting()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.Flow().Send("/counselor").IgnoreReplies().StartTestAsync(Ct);
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        await bot.Flow()
            .Send("help my husband is beating me")
            .AssertReply("It is not your fault. SOS line for women and children who suffer violence: 080 11 55 (24/7).\nIf you are in danger right now, call the police: 113.\n080 12 00 – anonymous police line")
            .AssertReply("I have marked your request as urgent for the counselors.")
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Equal(HandoffPriority.Emergency, (await bot.Queue.GetAsync(request.Id, Ct))!.Priority);

        // An urgent request is never withdrawn without the person's confirmation.
        await bot.Flow()
            .Send("/menu")
            .AssertReply("Cancel your request to talk to a counselor?", "Yes, cancel it", "No, keep my request")
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Equal(HandoffStatus.Waiting, (await bot.Queue.GetAsync(request.Id, Ct))!.Status);

        await bot.Flow()
            .Send("Yes, cancel it")
            .AssertReply("I have withdrawn your request to the counselors. You can ask for a counselor again at any time.")
            .AssertReply("Choose a category:", Said.EnglishMenu)
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Equal(HandoffStatus.Closed, (await bot.Queue.GetAsync(request.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Menu_while_waiting_asks_first_and_no_keeps_the_request_and_shows_the_menu()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);
        await bot.Flow().Send("/counselor").IgnoreReplies().StartTestAsync(Ct);
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        await bot.Flow()
            .Send("/menu")
            .AssertReply("Dëshironi ta anuloni kërkesën për të folur me një këshilltar?", "Po, anuloje", "Jo, mbaje kërkesën")
            .AssertNoReply()
            .Send("Jo, mbaje kërkesën")
            .AssertReply(reply =>
            {
                Assert.Equal("Kërkesa juaj mbetet në radhë; një këshilltar do t'ju shkruajë këtu. Ndërkohë mund të zgjidhni një temë:", reply.Text);
                Assert.Contains("Dokumente dhe qëndrim", reply.Buttons());
            })
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Equal(HandoffStatus.Waiting, (await bot.Queue.GetAsync(request.Id, Ct))!.Status);
    }

    [Fact]
    public async Task An_unclaimed_timeout_tells_the_person_and_gives_the_office_contact()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.Flow().Send("/counselor").IgnoreReplies().StartTestAsync(Ct);
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        await bot.Flow()
            .Then(ct => bot.Queue.TimeOutAsync(request.Id, HandoffTimeoutReason.Unclaimed, ct))
            .Deliver()
            .AssertReply("I am sorry, no counselor could take your request in time. Please write again later or contact the office: Starting Point, Tržaška cesta 1, Postojna, 05 700 00 00")
            .AssertNoReply()
            .Send("how do I open a bank account")
            .AssertAnswer(bot.AnswerOf("bank-account", new("en")), "Was this helpful?", "👍 Yes", "👎 No")
            .StartTestAsync(Ct);
    }

    /// <summary>The last <paramref name="count"/> lines of the request's transcript, as the counselor reads them.</summary>
    private static IEnumerable<(TranscriptAuthor, string)> LastLines(HandoffRequest request, int count) =>
        request.Transcript.TakeLast(count).Select(e => (e.Author, e.Text));

    /// <summary>A conversation in <paramref name="language"/> on Monday evening (ten hours after FlowHarness.MondayMorning), the office closed.</summary>
    private static async Task<FlowHarness> AfterHoursInAsync(string language)
    {
        var bot = FlowHarness.Create();
        bot.Clock.Advance(TimeSpan.FromHours(10));
        await bot.StartInAsync(language);
        return bot;
    }
}
