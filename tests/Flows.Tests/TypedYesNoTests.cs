using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>Yes/no questions (privacy, "Was this helpful?", the language switch) answered in words instead of with their buttons.</summary>
public sealed class TypedYesNoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Language.Slovenian, "sprejemam", "privacy.accepted")]
    [InlineData(Language.Slovenian, "Da!", "privacy.accepted")]
    [InlineData(Language.Slovenian, "se strinjam", "privacy.accepted")]
    [InlineData(Language.English, "yes", "privacy.accepted")]
    [InlineData(Language.English, "OK.", "privacy.accepted")]
    [InlineData(Language.Albanian, "po", "privacy.accepted")]
    [InlineData(Language.Albanian, "jam dakord", "privacy.accepted")]
    [InlineData(Language.Bcs, "slazem se", "privacy.accepted")]
    [InlineData(Language.Bcs, "да", "privacy.accepted")]
    [InlineData(Language.Arabic, "نعم", "privacy.accepted")]
    [InlineData(Language.Slovenian, "ne", "privacy.declined")]
    [InlineData(Language.Slovenian, "ne sprejemam", "privacy.declined")]
    [InlineData(Language.English, "No.", "privacy.declined")]
    [InlineData(Language.Albanian, "jo", "privacy.declined")]
    [InlineData(Language.Bcs, "не", "privacy.declined")]
    [InlineData(Language.Arabic, "لا", "privacy.declined")]
    public async Task A_typed_yes_or_no_answers_the_notice(string language, string typed, string answerKey)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language, acceptPrivacy: false);

        var replies = await bot.SendAsync(typed);

        // Typed in Cyrillic, the conversation turns Cyrillic (as any Cyrillic message does).
        Assert.Equal(bot.Localizer.Say(new(language, Cyrillic(typed)), answerKey), replies[0].Text);
    }

    private static bool Cyrillic(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF');

    [Fact]
    public async Task A_typed_yes_to_the_consent_a_counselor_needs_starts_the_request()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian, acceptPrivacy: false);
        Assert.Equal(bot.Text(Language.Slovenian, "privacy.handoffOnAccept"), Assert.Single(await bot.SendAsync("/counselor")).Text);

        await bot.SendAsync("sprejemam");

        Assert.Equal(HandoffReason.AskedForHuman, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).Reason);
    }

    [Fact]
    public async Task A_no_after_the_notice_was_answered_is_not_read_as_a_refusal()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        var replies = await bot.SendAsync("no");

        Assert.DoesNotContain(replies, r => r.Text == bot.Text(Language.English, "privacy.declined"));
    }

    [Fact]
    public async Task A_sentence_that_only_starts_with_yes_is_a_question()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English, acceptPrivacy: false);

        var answer = await bot.SendAsync("yes how do I open a bank account");

        Assert.DoesNotContain(answer, r => r.Text == bot.Text(Language.English, "privacy.accepted"));
    }

    [Theory]
    [InlineData(Language.English, "yes please")]
    [InlineData(Language.English, "Yes, I accept")]
    [InlineData(Language.English, "ok thanks")]
    [InlineData(Language.Slovenian, "da, sprejemam")]
    [InlineData(Language.Slovenian, "da hvala")]
    [InlineData(Language.Bcs, "da prihvaćam")]
    [InlineData(Language.Albanian, "po, pranoj")]
    [InlineData(Language.Arabic, "نعم أوافق")]
    public async Task A_yes_with_polite_words_gives_the_consent_a_counselor_needs(string language, string typed)
    {
        // Seen in a journey: "yes please" got "no good answer", the buttons went and the request with them.
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language, acceptPrivacy: false);
        await bot.SendAsync("/counselor");

        await bot.SendAsync(typed);

        Assert.Equal(HandoffReason.AskedForHuman, Assert.Single(await bot.Queue.ListAsync(HandoffStatus.Waiting, Ct)).Reason);
    }

    [Theory]
    [InlineData(Language.English, "no thanks")]
    [InlineData(Language.English, "I don't agree")]
    [InlineData(Language.Slovenian, "ne hvala")]
    [InlineData(Language.Slovenian, "ne sprejmem")]
    [InlineData(Language.Albanian, "jo faleminderit")]
    [InlineData(Language.Albanian, "nuk pranoj")]
    [InlineData(Language.Arabic, "لا شكرا")]
    public async Task A_no_with_polite_words_declines(string language, string typed)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language, acceptPrivacy: false);
        await bot.SendAsync("/counselor");

        var replies = await bot.SendAsync(typed);

        Assert.Equal(bot.Text(language, "privacy.declined"), replies[0].Text);
        Assert.Empty(await bot.Queue.ListAsync(null, Ct));
    }

    [Fact]
    public async Task After_an_answer_replaced_the_notices_buttons_a_consent_word_still_accepts_and_a_yes_rates_the_answer()
    {
        // The web chat shows buttons only under the last message: once the first question is answered the notice has
        // none, and typing was the only way left to accept it.
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian, acceptPrivacy: false);
        await bot.SendAsync("Kje dobim SIM kartico?");

        var rated = await bot.SendAsync("da");
        Assert.Equal(bot.Text(Language.Slovenian, "feedback.thanks"), rated[0].Text);

        var accepted = await bot.SendAsync("sprejemam");
        Assert.Equal(bot.Text(Language.Slovenian, "privacy.accepted"), accepted[0].Text);
    }

    [Fact]
    public async Task A_typed_no_under_was_this_helpful_asks_what_was_missing()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);
        await bot.SendAsync("how do I open a bank account");

        var replies = await bot.SendAsync("no");

        Assert.Equal(bot.Text(Language.English, "feedback.askMissing"), replies[0].Text);
    }

    [Fact]
    public async Task A_typed_no_keeps_the_language_when_asked_to_switch()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Slovenian);
        var question = await bot.SendAsync("How do I open a bank account?");
        Assert.Contains(question, r => r.Buttons().Count == 2);

        await bot.SendAsync("ne");
        var next = await bot.SendAsync("Kje je zdravstveni dom?");

        Assert.DoesNotContain(next, r => r.Text?.Contains("health", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Equal(bot.AnswerOf("doctor", new(Language.Slovenian))[..30], FlowHarness.AnswerText(next)[..30]);
    }
}
