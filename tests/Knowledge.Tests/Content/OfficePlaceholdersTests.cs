using IntegrationBot.Knowledge.Content;

namespace IntegrationBot.Knowledge.Tests.Content;

public sealed class OfficePlaceholdersTests
{
    private const string Answer = "Come to {office.name}.\nAddress: {office.address}\nPhone: {office.phone}\nHours: {office.hours}";

    [Fact]
    public void Configured_values_replace_placeholders()
    {
        var office = new OfficeInfo("Starting Point", "Trg 1, Postojna", "Mon-Fri 8-15", "05 123 45 67", "info@example.si");
        Assert.Equal(
            "Come to Starting Point.\nAddress: Trg 1, Postojna\nPhone: 05 123 45 67\nHours: Mon-Fri 8-15",
            OfficePlaceholders.Fill(Answer, office));
    }

    [Fact]
    public void A_line_with_an_unconfigured_value_is_left_out_and_no_placeholder_shows()
    {
        var filled = OfficePlaceholders.Fill(Answer, new OfficeInfo(Name: "Starting Point", Address: "Trg 1, Postojna"));
        Assert.Equal("Come to Starting Point.\nAddress: Trg 1, Postojna", filled);
        Assert.DoesNotContain("{", filled, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_configured_leaves_only_lines_without_placeholders() =>
        Assert.Equal("Plain line.", OfficePlaceholders.Fill("Plain line.\nPhone: {office.phone}", OfficeInfo.NotConfigured));

    [Fact]
    public void With_a_fallback_no_line_is_left_out_and_a_missing_name_reads_as_the_office()
    {
        const string steps = "{office.name} helps.\n1. Get the form.\n2. Ask {office.name} for help.\n3. Call {office.phone} to book.\n4. Go.\nPhone: {office.phone}";

        var filled = OfficePlaceholders.Fill(steps, OfficeInfo.NotConfigured, new OfficeFallback("the Starting Point office", "(ask the office)"));

        Assert.Equal("The Starting Point office helps.\n1. Get the form.\n2. Ask the Starting Point office for help.\n3. Call (ask the office) to book.\n4. Go.\nPhone: (ask the office)", filled);
    }

    [Fact]
    public void Unknown_placeholders_are_reported() =>
        Assert.Equal(["office.fax"], OfficePlaceholders.Unknown("Fax {office.fax}, phone {office.phone}"));
}
