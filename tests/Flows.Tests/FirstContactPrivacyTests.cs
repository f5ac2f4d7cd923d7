using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// A person who writes first without a greeting event (Telegram without /start, Viber without conversation_started,
/// or anyone after /delete) is told about privacy in that first turn, before the answer, as a person who opens the
/// chat is; it was skipped until they asked for a counselor.
/// </summary>
public sealed class FirstContactPrivacyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> Retention = new() { ["retentionDays"] = "90" };

    [Theory]
    [MemberData(nameof(ConversationTests.BankQuestions), MemberType = typeof(ConversationTests))]
    public async Task A_first_question_gets_the_privacy_notice_before_its_answer_and_keeps_nothing(string language, string question)
    {
        await using var bot = FlowHarness.Create();

        var replies = await bot.SendAsync(question, locale: null);

        Assert.Equal(bot.Text(language, "privacy.notice", Retention), replies[0].Text);
        Assert.Equal([bot.Title(language, "privacy.accept"), bot.Title(language, "privacy.readMore"), bot.Title(language, "privacy.decline")], replies[0].Buttons());
        Assert.Equal(bot.AnswerOf("bank-account", new Localization.Voice(language)), FlowHarness.AnswerText(replies.Skip(1).ToList()));
        Assert.Contains(bot.Title(language, "language.changeButton"), replies.LastButtons());
        Assert.Empty(await bot.Transcripts.RecentAsync("test", bot.Adapter.ConversationId, 100, Ct));
    }

    [Fact]
    public async Task The_notice_shown_before_an_answer_can_still_be_read_and_accepted_from_its_own_buttons()
    {
        await using var bot = FlowHarness.Create();
        await bot.SendAsync("how do I open a bank account", locale: null);

        var more = await bot.SendAsync(bot.Title(Language.English, "privacy.readMore"));
        Assert.Equal(bot.Text(Language.English, "privacy.more", Retention), Assert.Single(more).Text);

        var accepted = await bot.SendAsync(bot.Title(Language.English, "privacy.accept"));
        Assert.Equal(bot.Text(Language.English, "privacy.accepted"), accepted[0].Text);
    }

    [Fact]
    public async Task A_first_greeting_gets_the_notice_and_then_the_menu_and_the_notice_is_not_repeated()
    {
        await using var bot = FlowHarness.Create();

        var replies = await bot.SendAsync("Hello!", locale: null);
        Assert.Equal(bot.Text(Language.English, "privacy.notice", Retention), replies[0].Text);
        Assert.Equal(bot.Text(Language.English, "greeting.reply"), replies[^1].Text);

        var next = await bot.SendAsync("how do I open a bank account");
        Assert.DoesNotContain(next, r => r.Text == bot.Text(Language.English, "privacy.notice", Retention));
    }

    [Fact]
    public async Task A_first_message_about_danger_gets_the_emergency_numbers_first_and_no_notice()
    {
        await using var bot = FlowHarness.Create();

        var replies = await bot.SendAsync("my husband beats me, help", locale: null);

        Assert.DoesNotContain(replies, r => r.Text == bot.Text(Language.English, "privacy.notice", Retention));
        Assert.Contains("113", replies[0].Text, StringComparison.Ordinal);
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
