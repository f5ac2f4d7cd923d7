using IntegrationBot.Knowledge.Intents;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Intents;

/// <summary>
/// Emergencies as they are typed in spoken Arabic (and in Arabic written in Latin letters) and in Bosnian/Serbian word
/// order. Walked with <c>ask</c>: each got "no good answer" and no number, because the cues knew the written forms only
/// ("لا يتنفس", "ما يقدر يتنفس", "ابن* ضاع*", "ne mice se").
/// </summary>
public sealed class SpokenEmergencyTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    [Theory]
    [InlineData("ابني ما عم يتنفس", EmergencyKind.Medical)]
    [InlineData("بنتي ما بتتنفس", EmergencyKind.Medical)]
    [InlineData("ابني مش عم يتنفس", EmergencyKind.Medical)]
    [InlineData("ibni ma 3am yetnaffas", EmergencyKind.Medical)]
    [InlineData("ibni mish 3am yetnafas", EmergencyKind.Medical)]
    [InlineData("جوزي وقع وهو ما عم يتحرك", EmergencyKind.Medical)]
    [InlineData("البيت عم يحترق", EmergencyKind.Medical)]
    [InlineData("ابني بلع دوا", EmergencyKind.Medical)]
    [InlineData("ابني ضايع", EmergencyKind.Child)]
    [InlineData("dete se ne mice", EmergencyKind.Medical)]
    [InlineData("zawji 3am yedrobni", EmergencyKind.Violence)]
    [InlineData("jozi darabni mbareh", EmergencyKind.Violence)]
    public void A_spoken_crisis_is_read_as_its_kind(string message, EmergencyKind kind)
    {
        var result = Engine.Ask(message);

        Assert.Equal((Decision.Emergency, kind), (result.Decision, result.EmergencyKind));
    }

    // The new forms must not turn a lost document, a car or a child's likes into "call 112 now".
    [Theory]
    [InlineData("ضاع جواز سفري")]
    [InlineData("ضاعت اوراقي")]
    [InlineData("السيارة ما عم تتحرك")]
    [InlineData("ابني ما بيحب المدرسة")]
    [InlineData("ma 3am la2i shoghl")]
    public void An_everyday_message_in_spoken_arabic_is_not_an_emergency(string message) =>
        Assert.NotEqual(Decision.Emergency, Engine.Ask(message).Decision);
}
