using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.TestSupport;
using LiteDB;

namespace IntegrationBot.Flows.Tests;

public sealed class PrivacyAndRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delete_after_confirmation_leaves_nothing_of_the_person_in_any_store()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.Flow()
            .Send("what is the airspeed velocity of an unladen swallow").IgnoreReplies()
            .Send("how do I open a bank account").IgnoreReplies()
            .Send("👎 No").IgnoreReplies()
            .Send("the fees").IgnoreReplies()
            .Send("/counselor").IgnoreReplies()
            .StartTestAsync(Ct);
        Assert.NotEmpty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
        Assert.Equal(2, (await bot.Unanswered.RecentAsync(10, Ct)).Count);

        // A reply that was never delivered (the channel was down) is also the person's data.
        bot.Adapter.Sender.Behaviour = _ => DeliveryResult.Failed("channel down", permanent: true);
        await bot.SendAsync("/help");
        bot.Adapter.Sender.Behaviour = _ => DeliveryResult.Delivered;

        await bot.Flow()
            .Send("/delete")
            .AssertReply("Do you want to delete all your data (messages, language, requests to a counselor)? This cannot be undone.", "Yes, delete", "No, keep")
            .AssertNoReply()
            .Send("Yes, delete")
            .AssertReply("Your data has been deleted. If you write again, we start from the beginning.")
            .AssertNoReply()
            .StartTestAsync(Ct);

        Assert.Empty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
        Assert.Empty(await bot.Unanswered.RecentAsync(10, Ct));
        Assert.Empty(await bot.Queue.ListAsync(null, Ct));
        Assert.Empty(await bot.Adapter.OutboxStore.ListDeadLettersAsync(Ct));
        // The erasure's checkpoint (scheduled a second later in the host) also commits the last reply's delivery mark,
        // which rides in the next LiteDB transaction.
        bot.Database.Checkpoint();
        var outbox = bot.Database.Database.GetCollection("outbox");
        Assert.Equal(0, outbox.Count(Query.EQ("conversation", "test/conversations/" + bot.Adapter.ConversationId)));
        var state = await bot.Storage.ReadAsync(["test/conversations/conv-1", "test/users/user-1"], Ct);
        Assert.All(state.Values, item => Assert.Equal("{}", item.Json));

        await bot.Flow()
            .Send("hello")
            .AssertReplyContains("Hello! I answer questions about living in Postojna")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Accept_that_arrives_after_a_question_still_accepts_the_privacy_notice()
    {
        await using var bot = FlowHarness.Create();

        // The question overtook the Accept on the way: its answer's buttons replaced the notice's.
        await bot.Flow()
            .Open().IgnoreReplies()
            .Send("العربية").IgnoreReplies()
            .Send("كيف افتح حساب بنكي").IgnoreReplies()
            .Send("أوافق")
            .AssertReply("\u200Fشكرًا لك. اسألني أي سؤال أو اختر موضوعًا.")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task Delete_needs_confirmation_and_no_keeps_everything()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);

        await bot.Flow()
            .Send("si te hap nje llogari bankare").IgnoreReplies()
            .Send("fshi")
            .AssertReply("Dëshironi të fshini të gjitha të dhënat tuaja (mesazhet, gjuhën, kërkesat për këshilltar)? Kjo nuk mund të kthehet.", "Po, fshiji", "Jo, mbaji")
            .Send("Jo, mbaji")
            .AssertReply("Asgjë nuk u fshi.")
            .StartTestAsync(Ct);
        Assert.NotEmpty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
    }

    [Fact]
    public async Task Declining_privacy_still_answers_but_keeps_no_transcript()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English, acceptPrivacy: false);

        await bot.Flow()
            .Send("Decline")
            .AssertReply(
                "That is fine. I will not keep your messages. You can still ask questions, but I cannot pass your conversation to a counselor. You can change this with /privacy.",
                Said.EnglishMenu)
            .Send("how do I open a bank account")
            .AssertAnswer(bot.AnswerOf("bank-account", new Voice("en")), "Was this helpful?", "👍 Yes", "👎 No")
            .StartTestAsync(Ct);

        Assert.Empty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_flow_continues_where_it_was()
    {
        using var directory = new TempDataDirectory();
        await using (var before = FlowHarness.Create(directory))
        {
            await before.Flow().Open().IgnoreReplies().Send("Shqip").IgnoreReplies().StartTestAsync(Ct);
        }

        await using (var after = FlowHarness.Create(directory))
        {
            await after.Flow()
                .Send("Pranoj")
                .AssertReply("Faleminderit. Më pyesni çfarëdo, ose zgjidhni një temë.")
                .IgnoreReplies()
                .Send("si te hap nje llogari bankare").IgnoreReplies()
                .Send("👎 Jo")
                .AssertReply("Çfarë po kërkonit? Shkruajeni në një mesazh (ose shtypni Kapërce).", "Kapërce", "Fol me një këshilltar")
                .StartTestAsync(Ct);
        }

        await using (var again = FlowHarness.Create(directory))
        {
            await again.Flow()
                .Send("tarifat")
                .AssertReply("Faleminderit, e shënova që të përmirësohemi. Dëshironi të flisni me një këshilltar?", "Fol me një këshilltar", "Kthehu te menyja")
                .StartTestAsync(Ct);
        }
    }

    [Fact]
    public async Task A_handoff_survives_a_restart_and_the_counselor_reply_still_arrives()
    {
        using var directory = new TempDataDirectory();
        await using (var before = FlowHarness.Create(directory))
        {
            await before.StartInAsync(Language.Arabic);
            await before.Flow().Send("/counselor").IgnoreReplies().StartTestAsync(Ct);
        }

        await using var after = FlowHarness.Create(directory);
        var request = Assert.Single(await after.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        await after.Flow()
            .Send("مرحبا هل من أحد؟")
            .AssertReply("\u200Fطلبك ما زال في قائمة الانتظار: رقمك \u20661\u2069. يرى المستشار رسائلك وسيكتب لك هنا.")
            .AssertNoReply()
            .Then(ct => after.Queue.ClaimAsync(request.Id, "Amira", ct))
            .Deliver()
            .AssertReply("\u200F\u2066Amira\u2069 من فريق الاستشارة معك الآن. اكتب سؤالك.")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }
}
