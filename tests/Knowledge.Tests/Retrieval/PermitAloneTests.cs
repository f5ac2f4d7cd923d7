using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// "dovoljenje", "dozvola", "leja", "تصريح", "permit" typed alone: a person who writes only that most likely means a residence
/// permit, or does not know which one they need. It was answered with the work permit (its many samples say the word again
/// and again: "dovoljenje" 0.667 against the residence permit's 0.622), so the person read about an employer's single permit.
/// It is now asked back ("Did you mean…"), the residence permit first, then the work permit, and nothing else: "None of these"
/// under them is the "other".
/// </summary>
public sealed class PermitAloneTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    [Theory]
    [InlineData("dovoljenje", "sl")]
    [InlineData("Dovoljenje?", "sl")]
    [InlineData("rabim dovoljenje", "sl")]
    [InlineData("dozvola", "hbs")]
    [InlineData("dozvolu", "hbs")]
    [InlineData("trebam dozvolu", "hbs")]
    [InlineData("дозвола", "hbs")]
    [InlineData("leja", "sq")]
    [InlineData("leje", "sq")]
    [InlineData("lejen", "sq")]
    [InlineData("تصريح", "ar")]
    [InlineData("التصريح", "ar")]
    [InlineData("permit", "en")]
    [InlineData("Permit", "en")]
    [InlineData("i need a permit", "en")]
    public void A_permit_word_alone_is_asked_back_residence_permit_first(string question, string language)
    {
        var result = Engine.Ask(question);

        Assert.Equal(Decision.Clarify, result.Decision);
        Assert.Equal(language, result.Language);
        Assert.Equal(["residence-permit", "work-permit"], result.Candidates.Select(c => c.Topic));
        Assert.Equal("residence-permit", result.Topic);
    }

    [Theory]
    [InlineData("work permit", "work-permit")]
    [InlineData("delovno dovoljenje", "work-permit")]
    [InlineData("radna dozvola", "work-permit")]
    [InlineData("leje pune", "work-permit")]
    [InlineData("تصريح عمل", "work-permit")]
    [InlineData("residence permit", "residence-permit")]
    [InlineData("dovoljenje za prebivanje", "residence-permit")]
    [InlineData("boravišna dozvola", "residence-permit")]
    [InlineData("leje qendrimi", "residence-permit")]
    [InlineData("تصريح إقامة", "residence-permit")]
    [InlineData("vozniško dovoljenje", "driving-licence")]
    [InlineData("vozačka dozvola", "driving-licence")]
    public void A_permit_named_with_its_kind_is_answered(string question, string topic)
    {
        var result = Engine.Ask(question);
        Assert.Equal((topic, Decision.Answer), (result.Topic, result.Decision));
    }
}
