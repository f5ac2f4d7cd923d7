using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Intents;

/// <summary>
/// "This is useless, get me a human" is a request for a person in every language; "this does not help" on its own is
/// frustration (the bot offers a counselor), never a topic answer.
/// </summary>
public sealed class FrustrationCuesTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    [Theory]
    [InlineData("this is useless, get me a human")]
    [InlineData("to je neuporabno, hočem človeka")]
    [InlineData("ovo je beskorisno, daj mi čovjeka")]
    [InlineData("ово је бескорисно, дај ми човјека")]
    [InlineData("kjo është e kotë, më duhet një njeri")]
    [InlineData("هذا غير مفيد، أريد إنسان")]
    public void Useless_and_asking_for_someone_is_a_handoff(string text) =>
        Assert.Equal(Decision.Handoff, Engine.Ask(text).Decision);

    [Theory]
    [InlineData("this does not help")]
    [InlineData("useless")]
    [InlineData("to mi nič ne pomaga")]
    [InlineData("neuporabno")]
    [InlineData("ovo mi ne pomaže")]
    [InlineData("beskorisno")]
    [InlineData("kjo nuk më ndihmon")]
    [InlineData("e pavlefshme")]
    [InlineData("هذا لا يساعدني")]
    [InlineData("غير مفيد")]
    public void Saying_the_answers_do_not_help_is_frustration(string text) =>
        Assert.Equal(Decision.Frustration, Engine.Ask(text).Decision);
}
