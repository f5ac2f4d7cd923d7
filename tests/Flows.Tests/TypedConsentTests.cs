using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>The privacy question answered in words ("sprejemam", "da", "yes", "ne") instead of with its buttons.</summary>
public sealed class TypedConsentTests
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
        Assert.Equal(bot.Text(Language.Slovenian, "privacy.requiredForHandoff"), Assert.Single(await bot.SendAsync("/counselor")).Text);

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
}
