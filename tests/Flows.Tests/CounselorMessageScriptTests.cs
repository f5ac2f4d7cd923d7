using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// The label in front of a counselor's words is in the person's script, the words exactly as written. Seen on Viber
/// with a person writing Cyrillic: every bot line was Cyrillic, but the counselor's messages came as "ana · savjetnik".
/// </summary>
public sealed class CounselorMessageScriptTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("треба ми саветник", "Добар дан, ја сам Ана.", "Ana · савјетодавна служба")]
    [InlineData("треба ми саветник", "Dobar dan, ja sam Ana. Pošaljite /delete ako želite.", "Ana · савјетодавна служба")]
    [InlineData("treba mi savjetnik", "Добар дан", "Ana · savjetodavna služba")]
    public async Task The_label_is_in_the_persons_script_and_the_words_as_written(string ask, string words, string label)
    {
        await using var bot = FlowHarness.Create();
        var request = await AskForCounselorAsync(bot, ask);

        await bot.Flow()
            .Then(ct => bot.Queue.ClaimAsync(request.Id, "Ana", ct))
            .Deliver()
            .IgnoreReplies()
            .Then(ct => bot.Queue.SendCounselorMessageAsync(request.Id, "Ana", words, ct))
            .Deliver()
            .AssertReply(label + "\n" + words)
            .StartTestAsync(Ct);
    }

    private static async Task<HandoffRequest> AskForCounselorAsync(FlowHarness bot, string text)
    {
        await bot.StartInAsync(Language.Bcs);
        await bot.SendAsync(text);
        return Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));
    }
}
