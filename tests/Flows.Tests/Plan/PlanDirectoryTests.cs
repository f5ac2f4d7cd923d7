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

    // The asylum step's place is PIC, which kb-facts gives a phone and an e-mail but no address to walk to: the step
    // said "ask us at the office", though the person needs PIC's free legal help before lodging the application.
    [Theory]
    [InlineData(Language.English, "Contact: PIC – Legal Centre for the Protection of Human Rights and the Environment, +386 69 707 150, pic@pic.si")]
    [InlineData(Language.Slovenian, "Kontakt: PIC – Pravni center za varstvo človekovih pravic in okolja, +386 69 707 150, pic@pic.si")]
    [InlineData(Language.Albanian, "Kontakti: PIC – Qendra juridike për mbrojtjen e të drejtave të njeriut dhe mjedisit, +386 69 707 150, pic@pic.si")]
    [InlineData(Language.Bcs, "Kontakt: PIC – Pravni centar za zaštitu ljudskih prava i okoliša, +386 69 707 150, pic@pic.si")]
    [InlineData(Language.Arabic, "للتواصل: PIC – المركز القانوني لحماية حقوق الإنسان والبيئة، +386 69 707 150، pic@pic.si")]
    public async Task The_asylum_application_step_gives_the_contacts_of_PIC(string language, string contact)
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync(language);
        await harness.SendAsync("/plan");
        await harness.SendAsync(harness.Title(language, "plan.origin.other"));
        await harness.SendAsync(harness.Title(language, "plan.purpose.protection"));
        await harness.SendAsync(harness.Title(language, "plan.arrival.today"));
        await harness.SendAsync(harness.Title(language, "plan.children.none"));
        await harness.SendAsync(harness.Title(language, "plan.has.none"));

        var step = (await harness.SendAsync(harness.Title(language, "plan.doneButton"))).AllText();

        Assert.Contains(contact, Localization.BidiText.Strip(step), StringComparison.Ordinal);
        Assert.DoesNotContain(Localization.BidiText.Strip(harness.Text(language, "plan.whereOffice")), Localization.BidiText.Strip(step), StringComparison.Ordinal);
    }
}
