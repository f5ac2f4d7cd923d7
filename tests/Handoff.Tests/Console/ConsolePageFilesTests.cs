using System.Net;
using System.Text.RegularExpressions;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>
/// The console page is many small scripts, each embedded and listed in CounselorConsole: one that index.html loads but
/// the list lacks is a 404, and the page fails on a function it never got.
/// </summary>
public sealed partial class ConsolePageFilesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_script_and_stylesheet_the_page_loads_is_served_with_the_security_headers()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = host.Client();
        var page = await client.Http.GetStringAsync("/console", Ct);

        var files = ConsoleFile().Matches(page).Select(m => m.Groups["path"].Value).ToList();

        Assert.Contains("/console/console.js", files);
        Assert.True(files.Count(f => f.EndsWith(".js", StringComparison.Ordinal)) > 3, string.Join(", ", files));
        foreach (var file in files)
        {
            var response = await client.GetAsync(file);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {response.StatusCode}");
            var expected = file.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/css";
            Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal("no-store", string.Join("", response.Headers.GetValues("Cache-Control")));
        }
    }

    [Fact]
    public async Task The_page_has_no_inline_script_the_policy_would_block()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var client = host.Client();
        var page = await client.Http.GetStringAsync("/console", Ct);

        Assert.DoesNotMatch(InlineScript(), page);
        Assert.DoesNotMatch(InlineHandler(), page);
    }

    [GeneratedRegex(@"(?:src|href)=""(?<path>/console/[\w.-]+)""")]
    private static partial Regex ConsoleFile();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
