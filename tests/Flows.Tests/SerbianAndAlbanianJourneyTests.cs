using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// A newcomer's first questions as written in Serbian Cyrillic and in Albanian without diacritics, one after the other:
/// the residence permit in the Serbian word ("боравишна дозвола"), a sick child, where the administrative unit is. Walking
/// them, the permit and the unit got "Did you mean…" and "my daughter is sick" got "I have no good answer"; "what do I
/// bring?" after an answer got family reunification.
/// </summary>
public sealed class SerbianAndAlbanianJourneyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cyrillic_newcomer_asks_about_the_permit_a_sick_child_and_the_administrative_unit()
    {
        await using var bot = FlowHarness.Create();
        var cyrillic = new Voice(Language.Bcs, Cyrillic: true);
        await bot.OpenAsync();
        await bot.SendAsync("Босански / Хрватски / Српски");
        await bot.SendAsync("Прихватам");

        await bot.Flow()
            .Send("како да добијем боравишну дозволу")
            .AssertAnswerUpToDirectory(bot.AnswerOf("residence-permit", cyrillic), "Да ли вам је ово помогло?")
            .Send("ћерка ми је болесна")
            .AssertAnswerUpToDirectory(bot.AnswerOf("doctor", cyrillic), "Да ли вам је ово помогло?")
            .Send("гдје је управна јединица")
            .AssertAnswerUpToDirectory(bot.AnswerOf("local-offices", cyrillic), "Да ли вам је ово помогло?")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task An_albanian_newcomer_typing_without_diacritics_asks_about_a_sick_son_and_the_administrative_unit()
    {
        await using var bot = FlowHarness.Create();
        var albanian = new Voice(Language.Albanian);
        await bot.StartInAsync(Language.Albanian);

        await bot.Flow()
            .Send("djali im eshte semure")
            .AssertAnswerUpToDirectory(bot.AnswerOf("doctor", albanian), "A ju ndihmoi kjo?")
            .Send("ku eshte njesia administrative")
            .AssertAnswerUpToDirectory(bot.AnswerOf("local-offices", albanian), "A ju ndihmoi kjo?")
            .StartTestAsync(Ct);
    }

    [Fact]
    public async Task What_to_bring_after_the_bank_answer_is_asked_back_not_answered_with_family_reunification()
    {
        // "çfarë duhet të sjell?" (what do I bring?) after the bank's answer got family reunification ("ta sjell familjen").
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);

        await bot.Flow()
            .Send("si te hap llogari bankare")
            .AssertAnswer(bot.AnswerOf("bank-account", new Voice(Language.Albanian)), "A ju ndihmoi kjo?")
            .Send("cfare duhet te sjell?")
            // The topic just answered first: a follow-up is most likely about it.
            .AssertReply("A keni menduar një nga këto?", "Llogaria bankare", "Leja e qëndrimit", "Regjistrimi i adresës", "Asnjë nga këto")
            .StartTestAsync(Ct);
    }
}
