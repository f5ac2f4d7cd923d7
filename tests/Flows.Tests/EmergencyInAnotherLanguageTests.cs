using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// Danger written in another language than the conversation's gets the numbers in the language it was written in.
/// Found walking Viber on the real host: in a chat switched to Bosnian/Croatian/Serbian (Cyrillic), 'زوجي يضربني'
/// ('my husband is beating me') was answered 'Нисте ви криви. SOS telefon за жене и дјецу…', in a script the writer
/// may not read; a question in Arabic would have been offered a switch, but danger is never delayed by a question.
/// </summary>
public sealed class EmergencyInAnotherLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Danger_written_in_Arabic_in_an_English_chat_gets_the_numbers_in_Arabic_and_the_chat_goes_on_in_Arabic()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        await bot.Flow()
            .Send("زوجي يضربني")
            .AssertReply(bot.Text(Language.Arabic, "emergency.violence"))
            .AssertReply(bot.Text(Language.Arabic, "answer.sensitiveOffer"), bot.Title(Language.Arabic, "emergency.counselorOffer"))
            .AssertNoReply()
            .Send("اريد التحدث مع شخص")
            .AssertReplyContains("\u2066")
            .AssertReply(bot.Text(Language.Arabic, "handoff.urgentQueued"))
            .AssertNoReply()
            .StartTestAsync(Ct);

        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
        Assert.Equal((Language.Arabic, HandoffPriority.Emergency), (request.Language, request.Priority));
    }
}
