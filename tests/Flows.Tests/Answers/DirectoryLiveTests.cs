using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Flows.Tests.Answers;

/// <summary>A published change of the local directory (issue 20, capability 5) reaches every answer at once, without a restart.</summary>
public sealed class DirectoryLiveTests
{
    private const string NewPhone = "05 123 45 67";

    [Fact]
    public async Task A_published_phone_change_shows_in_an_answer_already_given_before()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        var engine = bot.Get<KnowledgeEngine>();

        // The shipped entry has no phone yet: the answer says to ask the office instead.
        var before = FlowHarness.AnswerText(await bot.SendAsync("I need a family doctor"));
        Assert.DoesNotContain(NewPhone, before);

        engine.Apply(engine.Catalog.WithDirectoryEntry(engine.Catalog.Directory.Find("zd-postojna")! with { Phone = NewPhone }));

        var after = FlowHarness.AnswerText(await bot.SendAsync("I need a family doctor"));
        Assert.Contains(NewPhone, after);
        Assert.NotEqual(before, after);
    }

    [Theory]
    [InlineData(Language.English, "I need a family doctor", "For other details of", "For the address")]
    [InlineData(Language.Slovenian, "potrebujem osebnega zdravnika", "Za druge podatke o ustanovi", "Za naslov")]
    public async Task An_answer_that_gives_the_address_asks_the_office_only_for_the_other_details(string language, string question, string other, string addressToo)
    {
        // The health centre's address is confirmed, its phone and hours are not: the answer gave the address and then
        // sent the person to the office "for the address, opening hours and phone".
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var answer = FlowHarness.AnswerText(await bot.SendAsync(question));

        Assert.Contains("Prečna 2, 6230 Postojna", answer);
        Assert.Contains(other, answer);
        Assert.DoesNotContain(addressToo, answer);
    }

    [Fact]
    public async Task Publishing_a_topic_keeps_the_local_directory_in_the_answers()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        var engine = bot.Get<KnowledgeEngine>();
        var address = engine.Catalog.Directory.Find("zd-postojna")!.Address!;

        engine.Apply(engine.Catalog.WithTopic(engine.Catalog.Find("bank-account")!));

        Assert.Contains(address, FlowHarness.AnswerText(await bot.SendAsync("I need a family doctor")));
    }
}
