using IntegrationBot.Flows.Languages;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// A client locale without a script (Viber's <c>sender.language</c> is the phone's language, e.g. <c>sr</c>) is read
/// with its likely script (Unicode CLDR likely subtags): Serbian is written in Cyrillic (sr → sr-Cyrl-RS) except in
/// Montenegro (sr-ME → sr-Latn-ME); Croatian and Bosnian in Latin. A Serbian phone was greeted in Latin.
/// </summary>
public sealed class SerbianLocaleTests
{
    private static readonly Dictionary<string, string> Retention = new() { ["retentionDays"] = "90" };

    [Theory]
    [InlineData("sr", true)]
    [InlineData("sr-RS", true)]
    [InlineData("sr_BA", true)]
    [InlineData("sr-Cyrl", true)]
    [InlineData("sr-Latn", false)]
    [InlineData("sr-Latn-RS", false)]
    [InlineData("sr-ME", false)]
    [InlineData("hr", false)]
    [InlineData("bs-BA", false)]
    [InlineData("bs-Cyrl", true)]
    public async Task A_chat_opened_with_a_serbian_locale_is_greeted_in_its_likely_script(string locale, bool cyrillic)
    {
        await using var bot = FlowHarness.Create();

        var replies = await bot.OpenAsync(locale);

        var expected = bot.Localizer.Say(new Voice(Language.Bcs, Cyrillic: cyrillic), "privacy.notice", Retention);
        Assert.Equal(expected, replies[0].Text);
    }

    [Theory]
    [InlineData("sr", "Bosanski / Hrvatski / Srpski", false)]
    [InlineData("sr", "Босански / Хрватски / Српски", true)]
    [InlineData("hr", "Босански / Хрватски / Српски", true)]
    [InlineData("en", "Bosanski / Hrvatski / Srpski", false)]
    [InlineData(null, "Босански / Хрватски / Српски", true)]
    public async Task The_chooser_offers_both_scripts_and_the_button_pressed_says_which_whatever_the_app(string? locale, string button, bool cyrillic)
    {
        // Telegram's /start shows the language buttons; its language_code is the app's language. The app's script
        // chose for the person only while the chooser had one Bosnian/Croatian/Serbian button.
        await using var bot = FlowHarness.Create();
        await bot.SendAsync("/start", locale);

        var replies = await bot.SendAsync(button, locale);

        Assert.Equal(bot.Localizer.Say(new Voice(Language.Bcs, Cyrillic: cyrillic), "privacy.notice", Retention), replies[0].Text);
    }

    [Theory]
    [InlineData("sr", true)]
    [InlineData("sr-Latn", false)]
    [InlineData("hr", false)]
    [InlineData(null, false)]
    public void The_one_bosnian_croatian_serbian_button_of_an_older_chooser_takes_the_apps_likely_script(string? locale, bool cyrillic) =>
        // Its value, "hbs", is kept with the buttons in stored state; a tap on it still answers as it did.
        Assert.Equal(new LanguageRequest(Language.Bcs, cyrillic), LanguageChooser.Read(Language.Bcs, locale));
}
