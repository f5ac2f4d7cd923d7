using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>Found walking Telegram: the school answer's steps read "1., 3., 4.", as if a step had been lost.</summary>
public sealed class StepNumbersTests
{
    [Theory]
    [InlineData("Intro:\n1. a\n3. b\n4. c\nEnd", "Intro:\n1. a\n2. b\n3. c\nEnd")]
    [InlineData("2. a\n5. b", "1. a\n2. b")]
    [InlineData("4. a\n3. b", "1. a\n2. b")]
    [InlineData("1. a\n2. b\nText\n1. c\n3. d", "1. a\n2. b\nText\n1. c\n2. d")]
    [InlineData("Call 112. Then 113.\nOpen 8.00–15.00", "Call 112. Then 113.\nOpen 8.00–15.00")]
    public void Steps_are_numbered_one_two_three(string text, string expected) =>
        Assert.Equal(expected, StepNumbers.Consecutive(text));

    // The numbers that begin lines (after the marks that set an Arabic line's direction).
    private static int[] Steps(IReadOnlyList<Dialogs.Activities.Activity> replies) =>
        [.. System.Text.RegularExpressions.Regex.Matches(string.Join("\n", replies.Select(r => r.Text)), @"^[\u200E\u200F\u2066-\u2069]*(\d{1,2})[\u2066-\u2069]*\.\s", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Theory]
    [InlineData(Language.English)]
    [InlineData(Language.Slovenian)]
    [InlineData(Language.Arabic)]
    public async Task The_school_answer_and_its_details_count_their_steps_from_one(string language)
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);
        var topic = bot.Catalog.Find("school-enrolment")!;

        var answer = await bot.SendAsync(topic.TitleIn(language));
        var details = await bot.SendAsync(bot.Title(language, "answer.moreDetails"));

        Assert.Equal([1, 2, 3], Steps(answer));
        Assert.Equal([1, 2], Steps(details));
    }
}
