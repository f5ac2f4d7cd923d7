using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Input;
using IntegrationBot.Flows.Languages;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// A person who chose Cyrillic (the chooser's button on Telegram and Viber, "Ћирилица" on the web chat) and then typed a
/// question in Latin, as on a phone with only a Latin keyboard, got the answer in Latin: the chat followed the letters
/// typed and forgot the choice. A chosen script now stays until the person chooses the other one.
/// </summary>
public sealed class CyrillicChoiceStaysTests
{
    private const string LatinQuestion = "kako otvoriti racun u banci";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_question_typed_in_latin_after_choosing_cyrillic_is_answered_in_cyrillic_until_latin_is_chosen()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);
        await bot.SendAsync("/language");
        await bot.SendAsync(Tap(bot, "Босански / Хрватски / Српски"));

        Assert.True(WritingScript.HasCyrillic(Answer(await bot.SendAsync(LatinQuestion))), "a Latin question after choosing Cyrillic");

        await bot.SendAsync("/language");
        await bot.SendAsync(Tap(bot, "Bosanski / Hrvatski / Srpski"));
        Assert.False(WritingScript.HasCyrillic(Answer(await bot.SendAsync(LatinQuestion))), "a Latin question after choosing Latin");
    }

    [Fact]
    public async Task The_page_opened_in_cyrillic_keeps_cyrillic_for_a_question_typed_in_latin()
    {
        await using var bot = FlowHarness.Create();
        await bot.OpenAsync("hbs-Cyrl");
        await bot.SendAsync(Tap(bot, bot.Title(Language.Bcs, "privacy.accept")));

        Assert.True(WritingScript.HasCyrillic(Answer(await bot.SendAsync(LatinQuestion))));
    }

    [Fact]
    public async Task Without_a_choice_the_answers_follow_the_letters_typed()
    {
        // Only a choice holds: a Serbian phone's likely script and a question once typed in Cyrillic do not.
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);
        Assert.True(WritingScript.HasCyrillic(Answer(await bot.SendAsync("како отворити рачун у банци"))));

        Assert.False(WritingScript.HasCyrillic(Answer(await bot.SendAsync(LatinQuestion))));
    }

    private static Activity Tap(FlowHarness bot, string title) => ButtonPress.Mark(bot.Adapter.MakeMessage(title));

    // The answer's own words (its first message), not the buttons or the source block.
    private static string Answer(IReadOnlyList<Activity> replies) => Assert.IsType<string>(replies[0].Text);
}
