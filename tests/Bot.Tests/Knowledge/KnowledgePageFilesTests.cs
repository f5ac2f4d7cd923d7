using System.Net;
using System.Text.RegularExpressions;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Knowledge;

/// <summary>
/// The knowledge page is many small scripts, each embedded and listed in KnowledgeConsole: one that knowledge.html loads
/// but the list lacks is a 404, and the page fails on a function it never got.
/// </summary>
public sealed partial class KnowledgePageFilesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_script_and_stylesheet_the_page_loads_is_served_with_the_security_headers()
    {
        await using var host = new ChatHost();
        var page = await host.Client.GetStringAsync(new Uri("/console/knowledge", UriKind.Relative), Ct);

        var files = KnowledgeFile().Matches(page).Select(m => m.Groups["path"].Value).ToList();

        Assert.Contains("/console/knowledge/knowledge.js", files);
        Assert.Contains("/console/knowledge/knowledge.css", files);
        Assert.True(files.Count(f => f.EndsWith(".js", StringComparison.Ordinal)) > 4, string.Join(", ", files));
        foreach (var file in files)
        {
            using var response = await host.Client.GetAsync(new Uri(file, UriKind.Relative), Ct);
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
        await using var host = new ChatHost();
        var page = await host.Client.GetStringAsync(new Uri("/console/knowledge", UriKind.Relative), Ct);

        Assert.DoesNotMatch(InlineScript(), page);
        Assert.DoesNotMatch(InlineHandler(), page);
    }

    [GeneratedRegex(@"(?:src|href)=""(?<path>/console/knowledge/[\w.-]+)""")]
    private static partial Regex KnowledgeFile();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
