using IntegrationBot.Knowledge.Intents;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>Only the first 1,000 characters of a message are searched; danger is read in the whole of it.</summary>
public sealed class LongMessageDangerTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    private static string After(int length, string ending)
    {
        const string Line = "We came to Postojna in spring and I do not know anybody here and my papers are not finished. ";
        return string.Concat(Enumerable.Repeat(Line, length / Line.Length + 1))[..length] + ending;
    }

    [Theory]
    [InlineData(" and I want to kill myself.", EmergencyKind.Suicide)]
    [InlineData(" My husband is beating me.", EmergencyKind.Violence)]
    public void Danger_at_the_end_of_a_long_story_is_read(string ending, EmergencyKind kind)
    {
        var result = Engine.Ask(After(3_000, ending), null, "en");

        Assert.Equal(Decision.Emergency, result.Decision);
        Assert.Equal(kind, result.EmergencyKind);
    }

    [Fact]
    public void A_long_story_without_danger_is_searched_as_before()
    {
        var story = After(3_000, " How do I open a bank account?");

        var result = Engine.Ask(story, null, "en");

        Assert.NotEqual(Decision.Emergency, result.Decision);
        Assert.Equal(Engine.Ask(story[..1_000], null, "en").Candidates, result.Candidates);
    }
}
