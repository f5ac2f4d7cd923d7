using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>The plan reads the live local directory of the knowledge base: an entry published in the console reaches it without a restart.</summary>
public sealed class PlanDirectoryTests
{
    [Fact]
    public async Task A_directory_entry_confirmed_after_start_shows_as_the_place_of_the_next_step()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync(Language.English);
        await harness.SendAsync("/plan");
        await harness.SendAsync(harness.Title(Language.English, "plan.origin.other"));
        await harness.SendAsync(harness.Title(Language.English, "plan.purpose.protection"));
        await harness.SendAsync(harness.Title(Language.English, "plan.arrival.today"));
        await harness.SendAsync(harness.Title(Language.English, "plan.children.none"));
        var before = (await harness.SendAsync(harness.Title(Language.English, "plan.has.none"))).AllText();

        // The first step (asylum-apply) is at the police station, unconfirmed in the shipped directory.
        Assert.Contains(harness.Text(Language.English, "plan.whereOffice"), before);

        var engine = harness.Get<KnowledgeEngine>();
        var police = engine.Catalog.Directory.Find("police-postojna")!;
        engine.Apply(engine.Catalog.WithDirectoryEntry(police with { Confirmed = true, Address = "Test street 9, 6230 Postojna", Phone = "05 111 22 33" }));

        var after = (await harness.SendAsync("/plan")).AllText();
        Assert.Contains($"{police.NameIn(Language.English)}, Test street 9, 6230 Postojna, 05 111 22 33", after);
        Assert.DoesNotContain(harness.Text(Language.English, "plan.whereOffice"), after);
    }
}
