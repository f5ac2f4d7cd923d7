using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>
/// "I just arrived, what should I do first?" is how many newcomers open. It got "no good answer" (en, sq) or a "Did you
/// mean" of unrelated topics (career guidance, housing, asylum). Now it starts the first-steps plan, exactly as
/// "My first steps" does; a newcomer's clear question ("where do I register my address?") keeps its answer.
/// </summary>
public sealed class FirstStepsQuestionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Language.English, "I just arrived, what should I do first?")]
    [InlineData(Language.Slovenian, "pravkar sem prispel, kaj naj naredim najprej?")]
    [InlineData(Language.Albanian, "sapo kam ardhur, cfare duhet te bej se pari")]
    [InlineData(Language.Bcs, "tek sam stigao, šta prvo da radim?")]
    [InlineData(Language.Arabic, "وصلت للتو، ماذا أفعل أولاً؟")]
    public async Task Asking_where_to_begin_starts_the_first_steps_questions_as_the_plan_button_does(string language, string text)
    {
        await using var byButton = FlowHarness.Create();
        await byButton.StartInAsync(language);
        var planQuestions = await byButton.SendAsync("/plan");

        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(language);
        var replies = await bot.SendAsync(text);

        Assert.Equal(planQuestions.Select(r => r.Text), replies.Select(r => r.Text));
        Assert.Equal(planQuestions.Select(r => r.Buttons()), replies.Select(r => r.Buttons()));
    }

    [Fact]
    public async Task Asked_in_Cyrillic_the_first_steps_questions_come_in_Cyrillic()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Bcs);

        var replies = await bot.SendAsync("тек сам стигао, шта прво да радим?");

        Assert.StartsWith("Направимо ваш лични план првих корака.", replies[0].Text);
    }

    [Fact]
    public async Task A_newcomer_with_a_clear_question_gets_the_topic_answer()
    {
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.English);

        var answer = FlowHarness.AnswerText(await bot.SendAsync("I just arrived, how do I register my address?"));

        Assert.StartsWith(bot.AnswerOf("address-registration", new(Language.English))[..60], answer);
    }
}
