using System.Net;
using System.Text.RegularExpressions;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Web;

/// <summary>
/// Browsers ask for an icon on every page; a 404 for /favicon.ico showed as an error in the console of every chat page
/// (found by a journey pass in Chromium).
/// </summary>
public sealed partial class FaviconTests
{
    [Fact]
    public async Task Favicon_ico_is_a_small_icon()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();

        var response = await host.Client.GetAsync(new Uri("/favicon.ico", UriKind.Relative), ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        // An ICO file: reserved 0, type 1 (icon), at least one image.
        Assert.True(body.Length is > 6 and < 10_000, $"{body.Length} bytes");
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, body[..4]);
        Assert.True(BitConverter.ToUInt16(body, 4) >= 1);
    }

    [Fact]
    public async Task The_chat_page_names_an_icon_the_host_serves()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();

        var page = await host.Client.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        var icon = IconLink().Match(page);

        Assert.True(icon.Success, "no <link rel=\"icon\"> on the chat page");
        var response = await host.Client.GetAsync(new Uri(icon.Groups["href"].Value, UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("<link rel=\"icon\" href=\"(?<href>/[^\"]+)\"")]
    private static partial Regex IconLink();
}
