using IntegrationBot.Handoff.Office;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Handoff.Tests.Office;

public sealed class OfficeKeysValidatorTests
{
    private static OfficeOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddHandoff(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<OfficeOptions>>().Value;
    }

    [Fact]
    public void The_documented_hours_key_is_read()
    {
        Assert.Equal("Mon–Fri 8–15", Resolve(new() { ["IntegrationBot:Office:HoursText"] = "Mon–Fri 8–15", ["IntegrationBot:Office:Schedule:Mon"] = "08:00-15:00" }).HoursText);
    }

    [Fact]
    public void An_unknown_office_key_stops_the_start_with_its_name()
    {
        // docs/knowledge-base.md used to name IntegrationBot__Office__Hours; the code reads __HoursText.
        var e = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["IntegrationBot:Office:Hours"] = "Mon–Fri 8–15" }));
        Assert.Contains("Hours", e.Message, StringComparison.Ordinal);
        Assert.Contains("HoursText", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_for_a_language_is_read_and_one_for_an_unknown_language_stops_the_start()
    {
        Assert.Equal("Izhodiščna točka Postojna", Resolve(new() { ["IntegrationBot:Office:Names:sl"] = "Izhodiščna točka Postojna" }).Names["sl"]);

        // "si" (the country code) for Slovenian would leave Slovenian sentences with the English name, unnoticed.
        var e = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["IntegrationBot:Office:Names:si"] = "Izhodiščna točka Postojna" }));
        Assert.Contains("Names:si", e.Message, StringComparison.Ordinal);
    }
}
