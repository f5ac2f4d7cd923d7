using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary>
/// An editor whose request for a topic's version history fails (a network blip, a server error) still gets the topic to
/// edit, and is told the history is missing. Before, the page stayed on the list with no word: the editor view was shown
/// only after the history loaded (seen as a flaky <c>TopicLifecycleBrowserTests</c> while LiteDB's cache race lasted).
/// </summary>
public sealed class TopicEditorFailureBrowserTests
{
    private const int Patient = 90_000;

    [Fact]
    public async Task A_failed_version_history_still_opens_the_topic_and_says_so()
    {
        await using var session = await EditorSession.StartAsync("Eva", "en,sl");
        var console = session.Console;
        await console.RouteAsync("**/api/knowledge/topics/*/versions", route => route.FulfillAsync(new()
        {
            Status = 503,
            ContentType = "application/problem+json",
            Body = "{\"title\":\"Service Unavailable\",\"status\":503}",
        }));

        await console.GotoAsync(session.Url("/console/knowledge?topic=driving-licence"));

        var en = console.Locator("fieldset[data-language=en]");
        await en.WaitForAsync(new() { Timeout = Patient });
        var error = console.Locator("#error");
        await error.WaitForAsync(new() { Timeout = Patient });
        Assert.Contains("Zgodovine različic ni bilo mogoče naložiti", await error.InnerTextAsync(), StringComparison.Ordinal);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-versions-unavailable-sl.png"), FullPage = true });

        // Once the history answers again, opening the topic loads it and the message is gone.
        await console.UnrouteAllAsync();
        await console.Locator("#back").ClickAsync();
        var history = await console.RunAndWaitForResponseAsync(
            () => console.Locator("#browse-body tr[data-topic=driving-licence] td:last-child button").ClickAsync(),
            response => response.Url.EndsWith("/api/knowledge/topics/driving-licence/versions", StringComparison.Ordinal),
            new() { Timeout = Patient });
        Assert.Equal(200, history.Status);
        await console.Locator("#edit-view:not([hidden])").WaitForAsync(new() { Timeout = Patient });
        Assert.True(await error.IsHiddenAsync());
    }
}
