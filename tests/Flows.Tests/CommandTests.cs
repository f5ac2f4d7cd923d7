using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

public sealed class CommandTests
{
    [Theory]
    [InlineData("/help")]
    [InlineData("/whatever")]
    [InlineData("pomoč")]
    public async Task Help_and_unknown_commands_show_the_help_with_command_buttons(string text)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);

        var help = Assert.Single(await bot.SendAsync(text));

        Assert.Equal(bot.Text(Language.Slovenian, "help.text"), help.Text);
        Assert.Equal(
            [bot.Title("sl", "menu.back"), bot.Title("sl", "language.changeButton"), bot.Title("sl", "menu.counselor"), bot.Title("sl", "help.privacyButton"), bot.Title("sl", "help.deleteButton")],
            help.Buttons());
    }

    [Theory]
    [InlineData("/menu")]
    [InlineData("meni")]
    [InlineData("Nazaj na meni")]
    public async Task Menu_by_command_word_or_button(string text)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);
        await bot.SendAsync("/help");

        var menu = await bot.SendAsync(text);

        Assert.Equal(bot.Text(Language.Slovenian, "menu.prompt"), menu[^1].Text);
    }

    [Fact]
    public async Task Language_command_shows_the_languages_and_a_new_choice_keeps_the_privacy_answer()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);

        var languages = Assert.Single(await bot.SendAsync("/language"));
        Assert.Equal(5, languages.Buttons().Count);
        var chosen = await bot.SendAsync("العربية");

        Assert.Equal(bot.Text(Language.Arabic, "language.chosen"), Assert.Single(chosen).Text);
        var privacy = Assert.Single(await bot.SendAsync("/privacy"));
        Assert.Equal(bot.Text(Language.Arabic, "privacy.notice", new Dictionary<string, string> { ["retentionDays"] = "90" }), privacy.Text);
    }

    [Fact]
    public async Task Retention_days_come_from_configuration()
    {
        await using var bot = FlowHarness.Create(settings: new Dictionary<string, string?> { ["IntegrationBot:Privacy:RetentionDays"] = "30" });
        await bot.OpenAsync();

        var notice = Assert.Single(await bot.SendAsync("English"));

        Assert.Contains("for 30 days", notice.Text);
    }

    [Fact]
    public async Task A_cyrillic_switch_question_keeps_the_current_language_name_in_latin()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        var question = Assert.Single(await bot.SendAsync("Како да отворим рачун у банци у Постојни?"));

        // Before: "Не, остани на: Енглисх".
        Assert.EndsWith(": English", question.Buttons()[1], StringComparison.Ordinal);
        Assert.DoesNotContain("[[", question.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[[", string.Join(" ", question.Buttons()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_voice_ever_sees_a_latin_name_mark()
    {
        await using var bot = FlowHarness.Create();
        foreach (var topic in bot.Catalog.Topics)
        {
            foreach (var voice in new IntegrationBot.Flows.Localization.Voice[] { new("sl"), new("en"), new("sq"), new("hbs"), new("hbs", Cyrillic: true), new("ar") })
            {
                var text = IntegrationBot.Flows.Localization.Localizer.Render(voice, topic.AnswerIn(voice.Language) + topic.DetailsIn(voice.Language));
                Assert.DoesNotContain("[[", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Writing_confidently_in_another_language_asks_once_whether_to_switch()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);

        var question = Assert.Single(await bot.SendAsync("how do I open a bank account in Postojna"));
        Assert.Equal(bot.Text(Language.English, "language.switchQuestion", new Dictionary<string, string> { ["language"] = "English" }), question.Text);

        var answer = await bot.SendAsync(bot.Title(Language.English, "language.switchYes"));
        Assert.Equal(bot.Text(Language.English, "language.chosen"), answer[0].Text);
        Assert.Equal(bot.AnswerOf("bank-account", new("en")), FlowHarness.AnswerText(answer.Skip(1).ToList()));
    }

    [Fact]
    public async Task Declining_a_switch_answers_in_the_current_language_and_does_not_ask_again()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);
        await bot.SendAsync("how do I open a bank account in Postojna");

        var answer = await bot.SendAsync(bot.Localizer.Get(Language.English, "language.switchNo", new Dictionary<string, string> { ["current"] = "Slovenščina" }));
        Assert.Equal(bot.AnswerOf("bank-account", new("sl")), FlowHarness.AnswerText(answer));

        var again = await bot.SendAsync("how do I open a bank account in Postojna");
        Assert.Equal(bot.AnswerOf("bank-account", new("sl")), FlowHarness.AnswerText(again));
    }
}
