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
    // Not moving after a fall, typed without diacritics and in other forms of "lëviz" (levize, lëvizë)
    [InlineData("djali ra dhe nuk levize", EmergencyKind.Medical)]
    [InlineData("djali ra dhe nuk lëvizë", EmergencyKind.Medical)]
    [InlineData("burri ra dhe nuk po leviz", EmergencyKind.Medical)]
    [InlineData("oce je padu in se ne premakne", EmergencyKind.Medical)]
    [InlineData("mama je pala i ne mice se", EmergencyKind.Medical)]
    [InlineData("my son fell and hes not moving", EmergencyKind.Medical)]
    [InlineData("بنتي وقعت وما عم تتحرك", EmergencyKind.Medical)]
    [InlineData("ibni wi2e3 w ma 3am yet7arrak", EmergencyKind.Medical)]
    // A snake bite, as typed in each language (Cyrillic too)
    [InlineData("ujela me zmija", EmergencyKind.Medical)]
    [InlineData("ujela ga zmija", EmergencyKind.Medical)]
    [InlineData("ugrizla me zmija", EmergencyKind.Medical)]
    [InlineData("ујела ме змија", EmergencyKind.Medical)]
    [InlineData("a snake bit me", EmergencyKind.Medical)]
    [InlineData("pičila me je kača", EmergencyKind.Medical)]
    [InlineData("më kafshoi gjarpri", EmergencyKind.Medical)]
    [InlineData("لدغتني أفعى", EmergencyKind.Medical)]
    [InlineData("عضتني حية", EmergencyKind.Medical)]
    // Swallowed, convulsions, burns, unconscious, bleeding, a threat of suicide: typed fast, misspelled, spoken
    [InlineData("otrok je pogoltnu kovanec", EmergencyKind.Medical)]
    [InlineData("baby swalowed a coin", EmergencyKind.Medical)]
    [InlineData("ابني بلع بطارية", EmergencyKind.Medical)]
    [InlineData("بنتي بلعت قطعة نقود", EmergencyKind.Medical)]
    [InlineData("sin je popio deterdzent", EmergencyKind.Medical)]
    [InlineData("my baby is having convulsions", EmergencyKind.Medical)]
    [InlineData("he is shaking and foaming at the mouth", EmergencyKind.Medical)]
    [InlineData("hci ma krce in se trese", EmergencyKind.Medical)]
    [InlineData("muz ima grceve i pjenu na ustima", EmergencyKind.Medical)]
    [InlineData("burri ka konvulsione", EmergencyKind.Medical)]
    [InlineData("djalit i ra kriza epileptike", EmergencyKind.Medical)]
    [InlineData("ابني عم يرجف وعنده تشنجات", EmergencyKind.Medical)]
    [InlineData("زوجي عنده نوبة صرع", EmergencyKind.Medical)]
    [InlineData("my child got burned with boiling water", EmergencyKind.Medical)]
    [InlineData("sin se je opekel z vrelo vodo", EmergencyKind.Medical)]
    [InlineData("dijete se opeklo vrucom vodom", EmergencyKind.Medical)]
    [InlineData("djali u dogj me uje te nxehte", EmergencyKind.Medical)]
    [InlineData("ابني انحرق بمي سخنة", EmergencyKind.Medical)]
    [InlineData("el bait 3am yet7ara2", EmergencyKind.Medical)]
    [InlineData("my husband is unconcious", EmergencyKind.Medical)]
    [InlineData("mama je pala u nesvijest", EmergencyKind.Medical)]
    [InlineData("مرتي حامل وعم تنزف", EmergencyKind.Medical)]
    [InlineData("my friend says he will kill himself", EmergencyKind.Suicide)]
    [InlineData("اخي بيقول بدو يقتل حاله", EmergencyKind.Suicide)]
    // Choking, an electric shock or lightning, a fall from a height, a child who does not wake up, pills, a break-in,
    // beaten, as typed fast
    [InlineData("otrok se je zadusil s hrano", EmergencyKind.Medical)]
    [InlineData("dojencek se duši", EmergencyKind.Medical)]
    [InlineData("my son is choking", EmergencyKind.Medical)]
    [InlineData("dijete se guši", EmergencyKind.Medical)]
    [InlineData("beba se zagrcnula", EmergencyKind.Medical)]
    [InlineData("ابني عم يختنق", EmergencyKind.Medical)]
    [InlineData("elektrika ga je stresla", EmergencyKind.Medical)]
    [InlineData("strela ga je udarla", EmergencyKind.Medical)]
    [InlineData("my son was electrocuted", EmergencyKind.Medical)]
    [InlineData("udarila ga struja", EmergencyKind.Medical)]
    [InlineData("e zuri korrenti", EmergencyKind.Medical)]
    [InlineData("كهربته الكهربا", EmergencyKind.Medical)]
    [InlineData("sin je skocil z balkona", EmergencyKind.Medical)]
    [InlineData("komsija je pao sa skela", EmergencyKind.Medical)]
    [InlineData("djali ra nga ballkoni", EmergencyKind.Medical)]
    [InlineData("ابني وقع من البلكون", EmergencyKind.Medical)]
    [InlineData("my baby has a high fever and is not waking up", EmergencyKind.Medical)]
    [InlineData("dijete ima visoku temperaturu i ne budi se", EmergencyKind.Medical)]
    [InlineData("femija ka temperature te larte dhe nuk zgjohet", EmergencyKind.Medical)]
    [InlineData("ابني حرارته عالية وما عم يفيق", EmergencyKind.Medical)]
    [InlineData("my daughter took a lot of pills", EmergencyKind.Medical)]
    [InlineData("djali piu shume hape", EmergencyKind.Medical)]
    [InlineData("انا حامل وعم نزف", EmergencyKind.Medical)]
    [InlineData("my sister wants to kill her self", EmergencyKind.Suicide)]
    [InlineData("someone is trying to break in", EmergencyKind.Danger)]
    [InlineData("في حدا عم يحاول يكسر الباب", EmergencyKind.Danger)]
    [InlineData("zawji 3am yhaddedni bil sekkeen", EmergencyKind.Danger)]
    [InlineData("muz me pretukao", EmergencyKind.Violence)]
    [InlineData("moj mož me je udaru", EmergencyKind.Violence)]
    public void A_spoken_crisis_is_read_as_its_kind(string message, EmergencyKind kind)
    {
        var result = Engine.Ask(message);

        Assert.Equal((Decision.Emergency, kind), (result.Decision, result.EmergencyKind));
    }

    // The new forms must not turn a lost document, a car or a child's likes into "call 112 now"; "not moving" is a
    // danger only said of a person or after a fall.
    [Theory]
    [InlineData("ضاع جواز سفري")]
    [InlineData("ضاعت اوراقي")]
    [InlineData("السيارة ما عم تتحرك")]
    [InlineData("ابني ما بيحب المدرسة")]
    [InlineData("ma 3am la2i shoghl")]
    // A car, a truck, a queue or a train that does not move, and a son who does not leave the house
    [InlineData("ne mice mi se auto")]
    [InlineData("auto ne mrda")]
    [InlineData("kamion se ne mice")]
    [InlineData("red se ne mice")]
    [InlineData("djali nuk leviz nga shtepia")]
    [InlineData("vajza nuk leviz nga dhoma gjithe diten")]
    [InlineData("makina nuk leviz")]
    [InlineData("radha nuk leviz")]
    [InlineData("avto se ne premika")]
    [InlineData("vrsta se ne premika")]
    [InlineData("my car is not moving")]
    [InlineData("the queue is not moving")]
    [InlineData("im not moving out, how do i extend the rent")]
    [InlineData("القطار ما عم يتحرك")]
    // Everyday messages near the new cues: a sore throat, leg cramps, a sunburn question, a doctor for epilepsy
    [InlineData("boli me ko pogoltnem")]
    [InlineData("ما بقدر ابلع من وجع الحلق")]
    [InlineData("kje kupim detergent")]
    [InlineData("imam krce v nogah ponoci")]
    [InlineData("kome da se javim zbog grceva u stomaku")]
    [InlineData("is boiling water enough to clean baby bottles")]
    [InlineData("my son has epilepsy, which doctor do we need")]
    [InlineData("the payment is unconfirmed")]
    [InlineData("my phone is dying")]
    [InlineData("my son doesnt wake up for school")]
    [InlineData("djali nuk zgjohet per shkolle")]
    [InlineData("sin se ne zbudi za solo")]
    [InlineData("وين بدفع فاتورة الكهربا")]
    [InlineData("cijena je pala sa 10 na 5 eura")]
    [InlineData("the price fell from 50 to 40 euros")]
    [InlineData("tokrat imam stres v sluzbi")]
    [InlineData("my son choked on food last year which doctor")]
    [InlineData("احترقت الطبخة")]
    [InlineData("u dogj buka")]
    public void An_everyday_look_alike_is_not_an_emergency(string message) =>
        Assert.NotEqual(Decision.Emergency, Engine.Ask(message).Decision);
}
