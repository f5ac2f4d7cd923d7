using IntegrationBot.Flows.Privacy;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// Once a conversation touched an emergency or a sensitive topic, the bot's messages carry the name the web chat page
/// reads to keep the conversation in the tab only, off the device's storage (Bot/wwwroot/chat.js).
/// </summary>
public sealed class SensitiveMarkTests
{
    [Fact]
    public async Task An_emergency_answer_is_marked_from_its_first_message()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        var replies = await bot.SendAsync("my husband is hitting me");

        Assert.Contains("080 11 55", replies[0].Text, StringComparison.Ordinal);
        Assert.All(replies, r => Assert.Equal(SensitiveMark.Name, r.Name));
    }

    [Fact]
    public async Task A_sensitive_topic_is_marked_and_an_everyday_question_is_not()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        Assert.All(await bot.SendAsync("how do I open a bank account"), r => Assert.Null(r.Name));
        Assert.Contains(await bot.SendAsync("how do I apply for asylum"), r => r.Name == SensitiveMark.Name);
    }

    [Fact]
    public async Task The_erasure_confirmation_keeps_its_own_name()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("my husband is hitting me");

        await bot.SendAsync("/delete");
        var done = await bot.SendAsync(bot.Localizer.Say(new(Language.English, false), "delete.yes"));

        Assert.Contains(done, r => r.Name == FlowDialogs.ErasedMarker);
    }
}
