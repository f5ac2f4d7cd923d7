using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// The web chat widget follows the bot's language: every reply names it in <c>locale</c>, and the widget's own
/// language menu tells the bot with a <c>setLanguage</c> event, so both always agree whichever side changed it.
/// </summary>
public sealed class WidgetLanguageTests
{
    [Fact]
    public async Task Every_reply_carries_the_conversation_language_as_its_locale_even_after_the_language_command()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        Assert.All(await bot.SendAsync("/help"), r => Assert.Equal("en-US", r.Locale));

        await bot.SendAsync("/language");
        var chosen = await bot.SendAsync("العربية", locale: "en-US");

        Assert.All(chosen, r => Assert.Equal("ar-EG", r.Locale));
    }

    [Theory]
    [InlineData("ar", "ar", "ar-EG")]
    [InlineData("hbs-Cyrl", "hbs", "hbs-Cyrl")]
    [InlineData("sq", "sq", "sq-AL")]
    public async Task A_set_language_event_from_the_widget_changes_the_bot_language_and_is_confirmed(string value, string language, string locale)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        var replies = await bot.SendAsync(bot.Adapter.MakeMessage(null) with
        {
            Type = ActivityTypes.Event,
            Name = "setLanguage",
            Value = JsonSerializer.SerializeToElement(value),
            Locale = "en-US",
        });

        var confirmation = Assert.Single(replies);
        Assert.Equal(locale, confirmation.Locale);
        Assert.Equal(bot.Localizer.Say(new(language, value.EndsWith("Cyrl", StringComparison.Ordinal)), "language.chosen"), confirmation.Text);
    }
}
