using IntegrationBot.Knowledge.Content;

namespace IntegrationBot.Knowledge.Tests.Content;

public sealed class DirectoryPlaceholdersTests
{
    private const string AskOffice = "For {name}, ask the office.";

    private static readonly LocalDirectory Directory = new(
    [
        new DirectoryEntry("municipality-postojna", true, new Dictionary<string, string> { ["en"] = "Municipality of Postojna", ["sl"] = "Občina Postojna" },
            "Ljubljanska cesta 4, 6230 Postojna", null, "(05) 728 07 00", null, null, "https://www.postojna.si/"),
        new DirectoryEntry("ue-postojna", false, new Dictionary<string, string> { ["en"] = "UE Postojna" },
            "Unchecked street 9", "Mon 8-12", null, null, null, "https://www.gov.si/"),
    ]);

    [Fact]
    public void Confirmed_fields_are_filled_and_names_are_per_language()
    {
        Assert.Equal("Občina Postojna: Ljubljanska cesta 4, 6230 Postojna",
            DirectoryPlaceholders.Fill("{dir.municipality-postojna.name}: {dir.municipality-postojna.address}", Directory, "sl", AskOffice));
    }

    [Fact]
    public void An_unconfirmed_entry_is_never_shown_as_a_fact_but_says_to_ask_the_office_once()
    {
        var filled = DirectoryPlaceholders.Fill("Go to the UE.\nAddress: {dir.ue-postojna.address}\nHours: {dir.ue-postojna.hours}\nBring your passport.", Directory, "en", AskOffice);
        Assert.Equal("Go to the UE.\nFor UE Postojna, ask the office.\nBring your passport.", filled);
        Assert.DoesNotContain("Unchecked", filled, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_field_of_a_confirmed_entry_says_to_ask_the_office()
    {
        Assert.Equal("For Municipality of Postojna, ask the office.",
            DirectoryPlaceholders.Fill("E-mail: {dir.municipality-postojna.email}", Directory, "en", AskOffice));
    }

    [Fact]
    public void When_a_detail_of_the_institution_is_shown_the_fallback_asks_only_for_the_others()
    {
        const string Others = "For other details of {name}, ask the office.";
        Assert.Equal("Municipality of Postojna: Ljubljanska cesta 4, 6230 Postojna\nFor other details of Municipality of Postojna, ask the office.",
            DirectoryPlaceholders.Fill("{dir.municipality-postojna.name}: {dir.municipality-postojna.address}\nE-mail: {dir.municipality-postojna.email}", Directory, "en", AskOffice, Others));
        // A name alone is no detail, and an unconfirmed entry shows none.
        Assert.Equal("For Municipality of Postojna, ask the office.",
            DirectoryPlaceholders.Fill("E-mail: {dir.municipality-postojna.email} ({dir.municipality-postojna.name})", Directory, "en", AskOffice, Others));
        Assert.Equal("For UE Postojna, ask the office.",
            DirectoryPlaceholders.Fill("Address: {dir.ue-postojna.address}\nHours: {dir.ue-postojna.hours}", Directory, "en", AskOffice, Others));
    }

    [Fact]
    public void Unknown_placeholders_are_found_for_kb_check()
    {
        Assert.Equal(["{dir.nowhere.address}", "{dir.ue-postojna.fax}"],
            DirectoryPlaceholders.Unknown("{dir.nowhere.address} {dir.ue-postojna.fax} {dir.ue-postojna.name}", Directory));
    }

    [Fact]
    public void Shipped_directory_has_the_institutions_the_answers_send_people_to()
    {
        var shipped = TopicCatalog.LoadDefault().Directory;
        foreach (var id in new[] { "ue-postojna", "zrsz-postojna", "csd-postojna", "police-postojna", "zd-postojna", "lu-postojna", "library-postojna", "municipality-postojna", "pic", "uoim" })
        {
            Assert.NotNull(shipped.Find(id));
        }

        // kb-facts.md marks these addresses [UNCONFIRMED]: they must not be shown as facts.
        Assert.All(new[] { "ue-postojna", "zrsz-postojna", "csd-postojna", "police-postojna" }, id => Assert.Null(shipped.Find(id)!.Shown("address", "en")));
        Assert.Equal("Ljubljanska cesta 4, 6230 Postojna", shipped.Find("municipality-postojna")!.Shown("address", "en"));
    }
}
