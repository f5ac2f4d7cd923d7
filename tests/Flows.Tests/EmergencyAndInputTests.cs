using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Input;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

public sealed class EmergencyAndInputTests
{
    public static TheoryData<string, string> Emergencies => new()
    {
        { Language.English, "help my husband is beating me" },
        { Language.Slovenian, "pomoč mož me tepe" },
        { Language.Albanian, "ndihmë burri më rreh" },
        { Language.Bcs, "pomoć muž me tuče" },
        { Language.Arabic, "النجدة زوجي يضربني" },
    };

    private static readonly string[] BadInputs = ["", "   ", "\u0000\u0007\u001b", new string('x', 10_000), "😀😀🙏"];

    public static TheoryData<string> PromptStates => ["greeting", "privacy", "menu", "feedback", "delete"];

    [Theory]
    [MemberData(nameof(Emergencies))]
    public async Task Danger_gets_the_emergency_numbers_at_once_and_an_urgent_counselor_offer(string language, string message)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);

        var replies = await bot.SendAsync(message);

        Assert.Equal(bot.Text(language, "emergency.violence"), replies[0].Text);
        Assert.Equal([bot.Title(language, "emergency.counselorOffer")], replies[^1].Buttons());
        Assert.DoesNotContain(replies, r => r.Text == bot.Text(language, "menu.prompt") || r.Buttons().Contains(bot.Title(language, "answer.helpfulNo")));
    }

    [Theory]
    [MemberData(nameof(PromptStates))]
    public async Task Bad_input_at_every_prompt_gets_one_polite_reply_and_the_prompt_still_works(string state)
    {
        await using var bot = FlowHarness.Create();
        var next = await ReachAsync(bot, state);
        var language = state == "greeting" ? Language.English : Language.Albanian;

        foreach (var text in BadInputs)
        {
            var expectedKey = text.Length > 4096 ? "input.tooLong" : InputGuardMiddleware.Clean(text).Length == 0 ? "input.empty" : "input.onlyEmoji";
            var reply = Assert.Single(await bot.SendAsync(text));
            Assert.Equal(bot.Text(language, expectedKey, new Dictionary<string, string> { ["max"] = "4096" }), reply.Text);
        }

        // No locale: before a language is chosen, a refusal follows the app's locale (tested in LongAndWordlessMessageTests).
        var sticker = bot.Adapter.MakeMessage(null) with { Locale = null, Attachments = [new Attachment("image/webp", ContentUrl: "https://example.org/s.webp")] };
        Assert.Equal(bot.Text(language, "input.nonText"), Assert.Single(await bot.SendAsync(sticker)).Text);
        var voice = bot.Adapter.MakeMessage(null) with { Locale = null, ChannelData = JsonDocument.Parse("""{"nonText":"voice"}""").RootElement };
        Assert.Equal(bot.Text(language, "input.nonText"), Assert.Single(await bot.SendAsync(voice)).Text);

        Assert.NotEmpty(await bot.SendAsync(next));
    }

    [Fact]
    public async Task Control_characters_are_removed_before_the_question_is_read()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);

        await bot.Flow()
            .Send("si te hap\u0000 nje llogari\u0007 bankare")
            .AssertAnswer(bot.AnswerOf("bank-account", new Voice(Language.Albanian)), "A ju ndihmoi kjo?", "👍 Po", "👎 Jo")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    // Brings the conversation to a prompt and returns a valid answer to it.
    private static async Task<string> ReachAsync(FlowHarness bot, string state)
    {
        switch (state)
        {
            case "greeting":
                await bot.OpenAsync();
                return "Shqip";
            case "privacy":
                await bot.OpenAsync();
                await bot.SendAsync("Shqip");
                return bot.Title(Language.Albanian, "privacy.accept");
            case "menu":
                await bot.StartInAsync(Language.Albanian);
                return bot.Title(Language.Albanian, "menu.category.money");
            case "feedback":
                await bot.StartInAsync(Language.Albanian);
                await bot.SendAsync("si te hap nje llogari bankare");
                await bot.SendAsync(bot.Title(Language.Albanian, "answer.helpfulNo"));
                return "IBAN";
            default:
                await bot.StartInAsync(Language.Albanian);
                await bot.SendAsync("/delete");
                return bot.Title(Language.Albanian, "delete.no");
        }
    }
}
