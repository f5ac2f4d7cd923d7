using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Intents;

/// <summary>
/// The shipped intents.yaml on the shipped topics: each kind of request for a human in each language is a
/// handoff, and topic questions that share words with those requests are not.
/// </summary>
public sealed class ShippedIntentCuesTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    [Theory]
    // someone who speaks my language
    [InlineData("is there somebody who speaks albanian")]
    [InlineData("rabim nekoga, ki govori arabsko")]
    [InlineData("ima li neko ko govori arapski")]
    [InlineData("treba mi netko tko govori albanski")]
    [InlineData("a ka dikush qe flet arabisht")]
    [InlineData("بدي حدا يحكي عربي")]
    // call me, contact me, answer me
    [InlineData("can somebody get back to me")]
    [InlineData("could you call me tomorrow")]
    [InlineData("ممكن تتصلوا فيني")]
    [InlineData("ali me lahko kdo pokliče")]
    [InlineData("neka me neko nazove")]
    [InlineData("hoću da mi se javi neko")]
    [InlineData("a mund te me telefonoje dikush")]
    [InlineData("ممكن حدا يتصل فيني")]
    [InlineData("كلمني من فضلك")]
    // you don't understand me, someone real
    [InlineData("you don't understand, i want someone real")]
    [InlineData("ne razumeš me, hočem pravega človeka")]
    [InlineData("ne razumiješ me")]
    [InlineData("nuk me kupton")]
    [InlineData("انت لا تفهمني")]
    [InlineData("حد حقيقي لو سمحت")]
    // one or two words
    [InlineData("agent")]
    [InlineData("is anyone there?")]
    [InlineData("are you there?")]
    [InlineData("hello? are you still there")]
    [InlineData("r u there")]
    [InlineData("ima li neko tamo")]
    [InlineData("human please")]
    [InlineData("operaterja prosim")]
    [InlineData("operateru")]
    [InlineData("covjek")]
    [InlineData("ikoga")]
    [InlineData("ima li ikog zivog")]
    [InlineData("оператер молим")]
    [InlineData("operatorin ju lutem")]
    [InlineData("موظف")]
    [InlineData("بدي حدا")]
    [InlineData("عايز اكلم حد")]
    [InlineData("عاوز بني آدم")]
    // someone from your team, office, staff
    [InlineData("can i talk to somebody from your staff")]
    [InlineData("rad bi govoril z vašim zaposlenim")]
    [InlineData("mogu li razgovarati sa vašim zaposlenima")]
    [InlineData("dikush nga ekipi juaj")]
    [InlineData("احد من فريقكم")]
    public void Request_for_a_human_is_a_handoff(string text) =>
        Assert.Equal(Decision.Handoff, Engine.Ask(text).Decision);

    [Theory]
    [InlineData("which number do i call for an ambulance")]
    [InlineData("school for kids who speak arabic")]
    [InlineData("is there a doctor who speaks arabic")]
    [InlineData("which mobile operator is cheapest")]
    [InlineData("kako zamenjam operaterja")]
    [InlineData("koji operater je najbolji")]
    [InlineData("how do i get a work permit as an employee")]
    [InlineData("what are your office hours")]
    [InlineData("gdje je vaša kancelarija")]
    [InlineData("odrasla osoba škola")]
    [InlineData("pomoć s zaposlenjem")]
    [InlineData("ako ne razumes slovenski jezik")]
    [InlineData("si te flas me mjekun")]
    [InlineData("si te paguaj me telefonin")]
    [InlineData("my employer will call me for interview, what documents")]
    [InlineData("which office do i call back for my appointment")]
    [InlineData("can i talk to my manager about the work permit")]
    [InlineData("kdo govori slovensko v vrtcu")]
    [InlineData("شخص يؤذي طفلي، لمن أقول؟")]
    [InlineData("كيف احضر احد من عائلتي الى سلوفينيا")]
    public void Topic_question_sharing_words_with_a_request_is_not_a_handoff(string text) =>
        Assert.NotEqual(Decision.Handoff, Engine.Ask(text).Decision);

    [Fact]
    public void No_sample_question_of_any_topic_is_a_handoff()
    {
        var handoffs = Engine.Catalog.Topics
            .SelectMany(t => t.Questions.Values.SelectMany(q => q).Select(q => (t.Id, Question: q)))
            .Where(p => Engine.Ask(p.Question).Decision == Decision.Handoff)
            .Select(p => $"{p.Id}: {p.Question}")
            .ToList();
        Assert.Empty(handoffs);
    }

    [Theory]
    [InlineData("hello", "en")]
    [InlineData("Hi there!", "en")]
    [InlineData("Živjo", "sl")]
    [InlineData("dober dan", "sl")]
    [InlineData("dobar dan", "hbs")]
    [InlineData("добро јутро", "hbs")]
    [InlineData("Mirëdita", "sq")]
    [InlineData("pershendetje", "sq")]
    [InlineData("مرحبا", "ar")]
    [InlineData("السلام عليكم ورحمة الله وبركاته", "ar")]
    public void A_greeting_alone_is_a_greeting_in_every_language(string text, string language) =>
        Assert.Equal(Decision.Greeting, Engine.Ask(text, language).Decision);

    [Theory]
    [InlineData("thank you very much", "en")]
    [InlineData("OK", "en")]
    [InlineData("bye", "en")]
    [InlineData("ok, thanks, bye!", "en")]
    [InlineData("Hvala lepa!", "sl")]
    [InlineData("nasvidenje", "sl")]
    [InlineData("hvala puno", "hbs")]
    [InlineData("хвала", "hbs")]
    [InlineData("Faleminderit", "sq")]
    [InlineData("shumë faleminderit", "sq")]
    [InlineData("شكرًا جزيلًا", "ar")]
    [InlineData("مع السلامة", "ar")]
    public void Thanks_ok_or_goodbye_alone_is_thanks_in_every_language(string text, string language) =>
        Assert.Equal((Decision.Thanks, language), (Engine.Ask(text, null, language).Decision, Engine.Ask(text, null, language).Language));

    [Fact]
    public void No_sample_question_of_any_topic_is_taken_for_a_greeting_or_thanks()
    {
        var greetings = Engine.Catalog.Topics
            .SelectMany(t => t.Questions.Values.SelectMany(q => q).Select(q => (t.Id, Question: q)))
            .Where(p => Engine.Ask(p.Question).Decision is Decision.Greeting or Decision.Thanks)
            .Select(p => $"{p.Id}: {p.Question}")
            .ToList();
        Assert.Empty(greetings);
    }
}
