using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// Lost documents are the police's, as a lost passport already was (<see cref="MigrantWalkRoutingTests"/>). Walked on
/// Telegram in Albanian: "kam humbur dokumentet" (I lost my documents), written while waiting for a counselor, got the
/// emergency numbers in full ("Në rast urgjence telefononi…", 0.32): "humbur" is also the missing child of 116 000.
/// In Arabic "ضاعت اوراقي" got the residence permit's answer and "فقدت وثائقي" found nothing.
/// </summary>
public sealed class LostDocumentsRoutingTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    [Theory]
    [InlineData("kam humbur dokumentet")]
    [InlineData("humba dokumentet")]
    [InlineData("i kam humbur dokumentet, cfare te bej")]
    [InlineData("ضاعت اوراقي")]
    [InlineData("ضيعت اوراقي")]
    [InlineData("فقدت وثائقي")]
    [InlineData("ضاعت الوثائق تبعي")]
    public void Lost_documents_are_the_police_not_the_emergency_numbers(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("police", Decision.Answer), (result.Topic, result.Decision));
    }

    // What the police's new words must leave alone: a lost residence card is still asked about as the permit, and a
    // missing child is still the emergency numbers' 116 000.
    [Theory]
    [InlineData("humba lejen e qendrimit", "residence-permit")]
    [InlineData("ضيعت بطاقة الاقامة", "residence-permit")]
    public void A_lost_residence_card_stays_the_residence_permit(string question, string topic) =>
        Assert.Equal(topic, Engine.Ask(question).Topic);
}
