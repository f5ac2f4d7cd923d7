using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>The privacy notice's own buttons: what they offer, and that they still work once other buttons came after.</summary>
public sealed class PrivacyNoticeButtonsTests
{
    private static readonly Dictionary<string, string> Retention = new() { ["retentionDays"] = "90" };

    [Fact]
    public async Task The_notice_can_still_be_read_and_accepted_from_its_own_buttons_after_a_question_was_answered()
    {
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync("en");
        await bot.SendAsync("how do I open a bank account");

        var more = await bot.SendAsync(bot.Title(Language.English, "privacy.readMore"));
        Assert.Equal(bot.Text(Language.English, "privacy.more", Retention), Assert.Single(more).Text);

        var accepted = await bot.SendAsync(bot.Title(Language.English, "privacy.accept"));
        Assert.Equal(bot.Text(Language.English, "privacy.accepted"), accepted[0].Text);
    }

    [Fact]
    public async Task A_chat_opened_in_the_phones_language_can_change_it_from_the_notice()
    {
        // Viber greets in the phone's language, often not the person's own (an Arabic speaker's phone in English):
        // the notice offered only Accept, Read more and Decline, so changing the language took knowing /language.
        await using var bot = FlowHarness.Create();

        var notice = Assert.Single(await bot.OpenAsync("en"));
        Assert.Equal(
            [bot.Title(Language.English, "privacy.accept"), bot.Title(Language.English, "privacy.readMore"), bot.Title(Language.English, "privacy.decline"), bot.Title(Language.English, "language.changeButton")],
            notice.Buttons());

        var languages = await bot.SendAsync(bot.Title(Language.English, "language.changeButton"));
        Assert.Contains("العربية", languages.LastButtons());
        var arabic = await bot.SendAsync("العربية");
        Assert.Equal(bot.Text(Language.Arabic, "privacy.notice", Retention), arabic[0].Text);
    }
}
