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
    [InlineData("sr", true)]
    [InlineData("sr-Latn", false)]
    [InlineData("hr", false)]
    [InlineData(null, false)]
    public async Task The_bosnian_croatian_serbian_button_pressed_in_a_serbian_app_answers_in_its_likely_script(string? locale, bool cyrillic)
    {
        // Telegram's /start shows the language buttons; its language_code is the app's language (Serbian: Cyrillic).
        await using var bot = FlowHarness.Create();
        await bot.SendAsync("/start", locale);

        var replies = await bot.SendAsync("Bosanski / Hrvatski / Srpski", locale);

        Assert.Equal(bot.Localizer.Say(new Voice(Language.Bcs, Cyrillic: cyrillic), "privacy.notice", Retention), replies[0].Text);
    }
}
