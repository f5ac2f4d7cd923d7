using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Knowledge.Tests.Plan;

/// <summary>
/// What each step of the shipped plan says it needs, checked against /work/shared/kb-facts.md and the step's own topic
/// (walked in every language: the plan is read on its own, without the topic's "More details"). Each failed before.
/// </summary>
public sealed class PlanFactsTests
{
    private static readonly PlanBook Book = PlanBook.LoadDefault();
    private static readonly TopicCatalog Topics = TopicCatalog.LoadDefault();

    private static PlanStep Step(string id) => Book.Find(id) ?? throw new InvalidOperationException(id);

    [Fact]
    public void Every_step_cites_a_source_of_its_own_topic()
    {
        // The phone step cited the UE's address-registration page for what phone operators ask.
        foreach (var step in Book.Steps)
        {
            var topic = Topics.Find(step.Topic) ?? throw new InvalidOperationException(step.Topic);
            Assert.True(step.Sources.Any(topic.Sources.Contains), $"{step.Id} cites none of {step.Topic}'s sources: {string.Join(", ", step.Sources)}");
        }
    }

    [Fact]
    public void The_Slovene_course_is_free_only_for_those_entitled_and_the_certificate_costs_22_60()
    {
        // Every plan holds this step, and it said "The course is free", also to someone who arrived last week on a
        // first temporary permit (entitled only after a year of residence, kb-facts §6).
        Assert.Contains("https://infotujci.si/drzavljani-tretjih-drzav/", Step("slovenian-course").Sources);
        foreach (var language in Language.All)
        {
            var bring = Step("slovenian-course").BringIn(language)!;
            Assert.Contains("22", bring, StringComparison.Ordinal);
            Assert.Contains("60", bring, StringComparison.Ordinal);
        }

        Assert.Contains("free for those entitled", Step("slovenian-course").BringIn(Language.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Phone_and_bank_steps_give_one_provider_as_an_example_not_a_rule_for_all()
    {
        // kb-facts §4 has Telemach's and OTP banka's conditions; the plan said "operators usually ask" and gave OTP's
        // documents as every bank's. The phone step also left out the prepaid SIM, the easiest start.
        foreach (var language in Language.All)
        {
            Assert.Contains("Telemach", Step("phone-number").BringIn(language), StringComparison.Ordinal);
            Assert.Contains("SIM", Step("phone-number").BringIn(language), StringComparison.Ordinal);
            Assert.Contains("OTP", Step("bank-account").BringIn(language), StringComparison.Ordinal);
        }
    }
}
