using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// Working without a permit ("na crno", "në të zezë", "بالأسود": undeclared work) is the work permit's question, whose
/// answer says not to start work before the permit. Walked as typed on a phone: "radim na crno sta ako me uhvate",
/// "радим на црно", "punoj ne te zeze", "delam na črno" found nothing; "punoj pa leje, cfare ndodh" asked "Did you mean…"
/// with asylum first; "بشتغل بدون اوراق شو بصير" found nothing and "شغل بالاسود" asked with finding a job first.
/// </summary>
public sealed class UndeclaredWorkRoutingTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    [Theory]
    [InlineData("radim na crno sta ako me uhvate")]
    [InlineData("mogu li raditi na crno")]
    [InlineData("радим на црно")]
    [InlineData("punoj ne te zeze")]
    [InlineData("punoj pa leje, cfare ndodh")]
    [InlineData("delam na črno")]
    [InlineData("شغل بالاسود")]
    public void Undeclared_work_is_the_work_permit(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("work-permit", Decision.Answer), (result.Topic, result.Decision));
    }

    [Fact]
    public void Working_without_papers_in_spoken_arabic_offers_the_work_permit_first()
    {
        var result = Engine.Ask("بشتغل بدون اوراق شو بصير");
        Assert.Equal("work-permit", result.Topic);
        Assert.NotEqual(Decision.None, result.Decision);
    }
}
