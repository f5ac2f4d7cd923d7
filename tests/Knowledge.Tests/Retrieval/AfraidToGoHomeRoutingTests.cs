using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// "I am scared to go home" is how violence at home is often first told. In the Flows it got "Sorry, I do not have a good
/// answer" (English: housing 0.1439 ahead of violence help 0.1434, both under the threshold, "tonight" and "home" being
/// housing's words), so the help line and the counselor offer never came. Violence help now leads in five languages
/// (answered, or first under "Did you mean…"); a bed for tonight stays housing.
/// </summary>
public sealed class AfraidToGoHomeRoutingTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    [Theory]
    [InlineData("i'm scared to go home tonight")]
    [InlineData("bojim se iti domov nocoj")]
    [InlineData("bojim se ici kuci veceras")]
    [InlineData("kam frike te kthehem ne shtepi")]
    [InlineData("خايفة ارجع عالبيت الليلة")]
    public void Fear_of_going_home_leads_to_violence_help(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal("violence-help", result.Candidates[0].Topic);
        Assert.Contains(result.Decision, new[] { Decision.Answer, Decision.Clarify });
    }

    [Theory]
    [InlineData("where can i sleep tonight")]
    [InlineData("i have nowhere to go tonight")]
    public void A_bed_for_tonight_stays_housing(string question) =>
        Assert.Equal(("housing", Decision.Answer), (Engine.Ask(question).Topic, Engine.Ask(question).Decision));
}
