using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>
/// Changing the language in the middle of the plan's questions (found in the web chat journey): the widget's menu
/// showed the main menu while the questions still waited, so tapping a topic got "I did not understand", and a typed
/// "english please" was taken as an unreadable answer and skipped the question.
/// </summary>
public sealed class PlanLanguageSwitchTests
{
    [Fact]
    public async Task The_widget_language_menu_during_the_plan_asks_the_same_question_again_in_the_new_language()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/plan");

        var replies = await ChooseInWidgetAsync(bot, Language.Slovenian);

        Assert.Equal(bot.Text(Language.Slovenian, "language.chosen"), replies[0].Text);
        Assert.Contains(bot.Text(Language.Slovenian, "plan.ask.origin"), replies.AllText());
        Assert.Contains(bot.Title(Language.Slovenian, "plan.origin.western-balkans"), replies.LastButtons());

        var next = await bot.SendAsync(bot.Title(Language.Slovenian, "plan.origin.western-balkans"));
        Assert.Contains(bot.Text(Language.Slovenian, "plan.ask.purpose"), next.AllText());
    }

    [Theory]
    [InlineData("english please", Language.English)]
    [InlineData("po slovensko prosim", Language.Slovenian)]
    public async Task A_typed_request_for_a_language_during_the_plan_changes_it_and_skips_nothing(string request, string language)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Albanian);
        await bot.SendAsync("/plan");

        var replies = await bot.SendAsync(request);

        Assert.Equal(bot.Text(language, "language.chosen"), replies[0].Text);
        Assert.Contains(bot.Text(language, "plan.ask.origin"), replies.AllText());
        Assert.DoesNotContain(bot.Text(language, "plan.ask.purpose"), replies.AllText());
    }

    [Fact]
    public async Task The_widget_language_menu_during_the_delete_question_drops_it_so_the_menu_it_shows_works()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("/delete");

        var replies = await ChooseInWidgetAsync(bot, Language.Slovenian);
        Assert.Equal(bot.Text(Language.Slovenian, "language.chosen"), replies[0].Text);

        var health = await bot.SendAsync(bot.Title(Language.Slovenian, "menu.category.health"));
        Assert.DoesNotContain(bot.Text(Language.Slovenian, "delete.confirm"), health.AllText());
        Assert.DoesNotContain(bot.Text(Language.Slovenian, "delete.cancelled"), health.AllText());
        Assert.Contains(bot.Text(Language.Slovenian, "menu.topicsPrompt", new Dictionary<string, string> { ["category"] = bot.Title(Language.Slovenian, "menu.category.health") }), health.AllText());
    }

    // The web chat page's header menu: a setLanguage event, as chat.js sends it.
    private static Task<IReadOnlyList<Activity>> ChooseInWidgetAsync(FlowHarness bot, string language) =>
        bot.SendAsync(bot.Adapter.MakeMessage(null) with
        {
            Type = ActivityTypes.Event,
            Name = "setLanguage",
            Value = JsonSerializer.SerializeToElement(language),
            Locale = "en-US",
        });
}
