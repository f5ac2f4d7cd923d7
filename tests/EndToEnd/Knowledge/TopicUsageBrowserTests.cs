using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary>
/// The browse page shows per topic how often it answered a question and its 👍/👎 over the last 30 days: a migrant asks
/// in the web chat and presses 👍, and the editor sees it in that topic's row (counts only, nothing about the person).
/// </summary>
public sealed class TopicUsageBrowserTests
{
    [Fact]
    public async Task A_question_and_a_thumbs_up_in_the_web_chat_show_in_the_topics_row()
    {
        await using var session = await EditorSession.StartAsync("Mojca", "sl,en");
        var user = await session.OpenWebChatAsync("sl");
        var input = user.Locator("[data-id=webchat-sendbox-input]");
        await input.FillAsync("Ali lahko vozim s tujim vozniškim dovoljenjem?");
        await input.PressAsync("Enter");
        var helpful = user.Locator(".webchat__suggested-action", new() { HasText = Strings.Get("sl", "answer.helpfulYes") }).First;
        await helpful.WaitForAsync(new() { Timeout = 60_000 });
        await helpful.ClickAsync();
        await user.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = Strings.Get("sl", "feedback.thanks") }).First.WaitForAsync(new() { Timeout = 60_000 });

        var console = session.Console;
        await console.GotoAsync(session.Url("/console/knowledge"));
        var usage = console.Locator("#browse-body tr[data-topic=driving-licence] td[data-usage]");
        await usage.WaitForAsync();
        var text = await usage.InnerTextAsync();
        Assert.Contains("vprašanj: 1", text, StringComparison.Ordinal);
        Assert.Contains("👍 1 · 👎 0", text, StringComparison.Ordinal);
        Assert.Contains("vprašanj: 0", await console.Locator("#browse-body tr[data-topic=housing] td[data-usage]").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-browse-usage-sl.png"), FullPage = true });
    }
}
