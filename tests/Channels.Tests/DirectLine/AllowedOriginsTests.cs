using IntegrationBot.Channels.DirectLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.Tests.DirectLine;

/// <summary>
/// docs/embedding.md step 1, <c>IntegrationBot__Channels__WebChat__AllowedOrigins</c>, written as a webmaster may: the
/// browser compares the origin exactly (scheme, host, port), so anything else must stop the start, naming the entry.
/// </summary>
public sealed class AllowedOriginsTests
{
    // Found embedding the snippet: "www.postojna.si" (the domain without https://) or the page's own address
    // ("https://www.postojna.si/sl/kontakt") started the host without a word, and every visitor of the website read
    // that the chat was not available (the token call answered 403), while the iframe's frame-ancestors let it in.
    [Theory]
    [InlineData("www.postojna.si", "'www.postojna.si' is not a website origin")]
    [InlineData("https://www.postojna.si/sl/kontakt", "'https://www.postojna.si/sl/kontakt' is not a website origin")]
    [InlineData("https://www.postojna.si,ftp://postojna.si", "'ftp://postojna.si' is not a website origin")]
    [InlineData("*", "'*' is not a website origin")]
    public void An_entry_that_is_no_origin_stops_the_start_naming_it(string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(value));

        var failure = Assert.Single(error.Failures);
        Assert.Contains("IntegrationBot:Channels:WebChat:AllowedOrigins: " + named, failure, StringComparison.Ordinal);
        Assert.Contains("https://www.postojna.si", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.postojna.si", "https://www.postojna.si")]
    [InlineData("https://www.postojna.si/, https://postojna.si", "https://www.postojna.si https://postojna.si")]
    [InlineData("http://localhost:5721;https://WWW.Postojna.si:8443", "http://localhost:5721 https://WWW.Postojna.si:8443")]
    [InlineData("", "")]
    public void Origins_as_the_browser_sends_them_start(string value, string origins) =>
        Assert.Equal(origins, string.Join(' ', Resolve(value).Origins()));

    private static DirectLineOptions Resolve(string allowedOrigins)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DirectLineOptions.Section + ":AllowedOrigins"] = allowedOrigins })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DirectLineOptions>>().Value;
    }
}
