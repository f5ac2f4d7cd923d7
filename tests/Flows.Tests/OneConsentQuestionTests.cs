using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// One consent question at a time. Web chat and Viber open with the privacy notice (their welcome carries a locale);
/// Telegram starts with the person's first message. Either way a request for a person is answered by one prompt whose
/// Accept also passes the request on, and the notice is never shown twice in a row.
/// </summary>
public sealed class OneConsentQuestionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_message_asking_for_a_person_gets_one_prompt_with_the_notice_and_accept_queues_the_request()
    {
        await using var bot = FlowHarness.Create();

        await bot.Flow()
            .Send("I want to talk to a person", "en")
            .AssertReply(
                "To pass your request to a counselor I need to keep your messages: I keep them and your language choice for 90 days, and only counselors of the Starting Point office see them. You can delete everything at any time by writing /delete. If you accept, I pass your request to a counselor straight away.",
                "Accept", "Read more", "Decline")
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Empty(await bot.Queue.ListAsync(null, Ct));

        await bot.Flow()
            .Send("Accept")
            .AssertReply("I have passed your question to a counselor. You are number 1 in line; the estimated wait is about 10 minutes. You can keep writing here; the counselor will see your messages.")
            // Nothing written before the consent was kept: the person is not left believing the counselor read it.
            .AssertReply("The counselor does not see what you wrote before you agreed to the privacy notice. Please write your question here.")
            .AssertNoReply()
            .StartTestAsync(Ct);
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal(HandoffReason.AskedForHuman, request.Reason);
        Assert.DoesNotContain(request.Transcript, e => e.Text.Contains("I want to talk to a person", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_Slovenian_a_first_request_for_a_counselor_gets_one_prompt_and_accept_queues_it()
    {
        await using var bot = FlowHarness.Create();

        await bot.Flow()
            .Send("želim govoriti s svetovalcem", "sl")
            .AssertReply(
                "Da vašo prošnjo predam svetovalcu, moram hraniti vaša sporočila: sporočila in izbrani jezik hranim 90 dni, vidijo pa jih samo svetovalci pisarne Izhodiščna točka. Vse lahko kadar koli izbrišete z ukazom /delete. Če sprejmete, vašo prošnjo takoj predam svetovalcu.",
                "Sprejmem", "Več o tem", "Ne sprejmem")
            .AssertNoReply()
            .Send("Sprejmem")
            .AssertReply("Vaše vprašanje sem predal svetovalcu. V vrsti ste 1.; pričakovano čakanje je približno 10 minut. Lahko še naprej pišete tukaj; svetovalec bo videl vaša sporočila.")
            .AssertReply("Svetovalec ne vidi, kar ste napisali, preden ste sprejeli obvestilo. Prosimo, napišite svoje vprašanje tukaj.")
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
    }

    [Fact]
    public async Task Asking_for_a_person_under_the_opening_notice_is_not_asked_for_consent_again()
    {
        await using var bot = FlowHarness.Create();

        await bot.Flow()
            .Open("en")
            .AssertReplyContains("Before we start: I keep your messages")
            .AssertNoReply()
            .Send("I want to talk to a person")
            .AssertReply("When you accept the privacy notice above, I pass your request to a counselor straight away.", "Accept", "Read more", "Decline")
            .AssertNoReply()
            .Send("Accept")
            .AssertReply("I have passed your question to a counselor. You are number 1 in line; the estimated wait is about 10 minutes. You can keep writing here; the counselor will see your messages.")
            .AssertReplyContains("before you agreed to the privacy notice")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task In_Slovenian_a_request_under_the_opening_notice_is_not_asked_for_consent_again()
    {
        await using var bot = FlowHarness.Create();

        await bot.Flow()
            .Open("sl")
            .AssertReplyContains("Preden začneva: vaša sporočila")
            .AssertNoReply()
            .Send("želim govoriti s svetovalcem")
            .AssertReply("Ko sprejmete obvestilo o zasebnosti zgoraj, vašo prošnjo takoj predam svetovalcu.", "Sprejmem", "Več o tem", "Ne sprejmem")
            .AssertNoReply()
            .StartTestAsync(Ct);
        Assert.Empty(await bot.Queue.ListAsync(null, Ct));

        await bot.Flow()
            .Send("Sprejmem")
            .AssertReplyContains("Vaše vprašanje sem predal svetovalcu.")
            .AssertReplyContains("preden ste sprejeli obvestilo")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }

    [Theory]
    [InlineData("en", "What is stored:", "Accept", "Decline")]
    [InlineData("sl", "Kaj hranim:", "Sprejmem", "Ne sprejmem")]
    public async Task Privacy_asked_for_under_the_opening_notice_gives_the_details_not_the_notice_again(string locale, string details, string accept, string decline)
    {
        await using var bot = FlowHarness.Create();
        var notice = Assert.Single(await bot.OpenAsync(locale)).Text!;

        var replies = await bot.SendAsync("/privacy");

        var reply = Assert.Single(replies);
        Assert.NotEqual(notice, reply.Text);
        Assert.StartsWith(details, reply.Text, StringComparison.Ordinal);
        Assert.Equal([accept, decline], reply.SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task Privacy_as_the_first_message_shows_the_notice_once()
    {
        await using var bot = FlowHarness.Create();

        await bot.Flow()
            .Send("/privacy", "en")
            .AssertReply(
                "Before we start: I keep your messages and your language choice for 90 days so that I can help you and so that a counselor can see the conversation if you ask for one. Only counselors of the Starting Point office see it, and only when you ask to talk to a counselor. You can delete everything at any time by writing /delete.",
                "Accept", "Read more", "Decline")
            .AssertNoReply()
            .StartTestAsync(Ct);
    }
}
