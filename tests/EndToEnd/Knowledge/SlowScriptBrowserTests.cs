using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary>
/// The knowledge page is three deferred scripts. On a slow line (or a busy machine) the last one can arrive after the
/// first has already had its API answers; the page must still draw the topic list. Before the fix the first script
/// drew the list before topics.js had run, failed on a function not yet defined, and left the editor an error line
/// and no list (CI: "#new-topic-form" hidden for 90 s).
/// </summary>
public sealed class SlowScriptBrowserTests
{
    private const int Patient = 90_000;

    [Fact]
    public async Task The_topic_list_shows_when_topics_js_arrives_after_the_api_answers()
    {
        await using var session = await EditorSession.StartAsync("Tina", "sl,en");
        var console = session.Console;
        // topics.js is held back like a slow download: until the page has drawn something (its list or an error line),
        // or at most 5 s (a page that waits for all its scripts draws nothing while one is held).
        await console.RouteAsync("**/console/knowledge/topics.js", async route =>
        {
            try
            {
                await console.WaitForFunctionAsync(
                    "() => !document.getElementById('browse-view').hidden || !document.getElementById('error').hidden",
                    null,
                    new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
            }

            await route.ContinueAsync();
        });

        await console.GotoAsync(session.Url("/console/knowledge"));
        var shown = console.Locator("#browse-view:not([hidden]), #error:not([hidden])").First;
        await shown.WaitForAsync(new() { Timeout = Patient });
        Assert.False(await console.Locator("#error").IsVisibleAsync(), await console.Locator("#error").InnerTextAsync());
        await console.Locator("#new-topic-form").WaitForAsync(new() { Timeout = Patient });
        await console.Locator("#browse-body tr[data-topic=driving-licence]").WaitForAsync(new() { Timeout = Patient });
    }
}
