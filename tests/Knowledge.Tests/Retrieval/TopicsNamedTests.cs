using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// The topics a text names by a curated keyword or title: the flows offer "and a flat" of "I need a doctor and a flat"
/// only when it names its topic, not when n-grams alone gave it one ("okolici", surroundings, scored as police).
/// </summary>
public sealed class TopicsNamedTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    [Theory]
    [InlineData("a school for my son", "school-enrolment")]
    [InlineData("stanovanje", "housing")]
    [InlineData("banesë", "housing")]
    [InlineData("Стан", "housing")]
    [InlineData("سكن", "housing")]
    [InlineData("a work permit", "work-permit")]
    [InlineData("zdravnika", "doctor")]
    [InlineData("šolo", "school-enrolment")]
    [InlineData("solo", "school-enrolment")]
    [InlineData("školu", "school-enrolment")]
    [InlineData("школу", "school-enrolment")]
    [InlineData("školama", "school-enrolment")]
    public void A_keyword_or_title_in_some_form_names_its_topic(string text, string topic) =>
        Assert.Contains(topic, Engine.TopicsNamedIn(text));

    [Theory]
    [InlineData("okolici")]
    [InlineData("Ljubljana")]
    [InlineData("mother and father")]
    [InlineData("sol")]
    [InlineData("")]
    public void Words_that_are_no_keyword_name_no_topic(string text) =>
        Assert.Empty(Engine.TopicsNamedIn(text));
}
