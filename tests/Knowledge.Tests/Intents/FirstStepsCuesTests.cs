using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Intents;

/// <summary>
/// "I just arrived, what should I do first?", a newcomer's first question, got "no good answer" in English and Albanian
/// and a "Did you mean" of unrelated topics (career guidance, housing, asylum) in the other languages. No topic answers
/// it: the message is read as asking for the first steps (intents.yaml <c>first-steps</c>), and the conversation then
/// offers the first-steps plan. A question with a clear topic keeps its answer.
/// </summary>
public sealed class FirstStepsCuesTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    [Theory]
    [InlineData("I just arrived, what should I do first?")]
    [InlineData("I am new in Slovenia, where do I start?")]
    [InlineData("where do i start")]
    [InlineData("pravkar sem prispel, kaj naj naredim najprej?")]
    [InlineData("pravkar sem prispela kaj naj naredim najprej")]
    [InlineData("sapo kam ardhur, çfarë duhet të bëj së pari?")]
    [InlineData("sapo kam ardhur, cfare duhet te bej se pari")]
    [InlineData("tek sam stigao, šta prvo da radim?")]
    [InlineData("tek sam stigla sta prvo da radim")]
    [InlineData("тек сам стигао, шта прво да радим?")]
    [InlineData("وصلت للتو، ماذا أفعل أولاً؟")]
    [InlineData("انا جديد في سلوفينيا من وين ابدا")]
    public void A_newcomer_asking_where_to_begin_is_read_as_first_steps(string text)
    {
        var result = Engine.Ask(text);

        Assert.True(result.FirstSteps, $"{text}: {result.Decision} {result.Topic}");
        Assert.True(result.Decision is Decision.None or Decision.Clarify, $"{text}: {result.Decision} {result.Topic}");
    }

    [Theory]
    [InlineData("I just arrived, how do I register my address?", "address-registration")]
    [InlineData("pravkar sem prispel, kako dobim zdravstveno zavarovanje?", "health-insurance")]
    [InlineData("tek sam stigao, kako da otvorim račun u banci?", "bank-account")]
    public void A_newcomer_with_a_clear_question_gets_its_answer(string text, string topic)
    {
        var result = Engine.Ask(text);

        Assert.Equal((Decision.Answer, topic), (result.Decision, result.Topic));
    }

    [Theory]
    [InlineData("how do I register my address?")]
    [InlineData("where is the police station")]
    [InlineData("kje je prvi zdravnik")]
    [InlineData("first aid course")]
    public void Other_questions_are_not_first_steps(string text) => Assert.False(Engine.Ask(text).FirstSteps, text);
}
