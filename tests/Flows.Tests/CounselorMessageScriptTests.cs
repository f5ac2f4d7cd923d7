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
    [InlineData("Добар дан, ја сам Ана.")]
    [InlineData("Dobar dan, ja sam Ana. Pošaljite /delete ako želite.")]
    public async Task A_cyrillic_writer_reads_the_counselor_label_in_cyrillic_and_the_words_as_written(string words)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);
        await bot.SendAsync("треба ми саветник");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        await bot.Flow()
            .Then(ct => bot.Queue.ClaimAsync(request.Id, "Ana", ct))
            .Deliver()
            .IgnoreReplies()
            .Then(ct => bot.Queue.SendCounselorMessageAsync(request.Id, "Ana", words, ct))
            .Deliver()
            .AssertReply("Ana · савјетник\n" + words)
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task A_latin_writer_reads_the_label_in_latin()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);
        await bot.SendAsync("treba mi savjetnik");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        await bot.Flow()
            .Then(ct => bot.Queue.ClaimAsync(request.Id, "Ana", ct))
            .Deliver()
            .IgnoreReplies()
            .Then(ct => bot.Queue.SendCounselorMessageAsync(request.Id, "Ana", "Добар дан", ct))
            .Deliver()
            .AssertReply("Ana · savjetnik\nДобар дан")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task The_counselors_name_is_not_transliterated_when_they_take_the_request()
    {
        // Seen on Viber: "Савјетник ана је сада с вама" for the counselor ana.
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);
        await bot.SendAsync("треба ми саветник");
        var request = Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct));

        await bot.Flow()
            .Then(ct => bot.Queue.ClaimAsync(request.Id, "Ana", ct))
            .Deliver()
            .AssertReply("Савјетник Ana је сада с вама. Напишите своје питање.")
            .StartTestAsync(Ct);
    }
}
