using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary>
/// The office edits its own knowledge base in real Chromium against the real host: an editor changes a Slovenian fee,
/// sees the change as a diff, publishes, and a migrant in the web chat gets the new text without a restart; an
/// editor registered for sq cannot change Arabic. The pages are checked with axe-core.
/// </summary>
public sealed class KnowledgeEditorBrowserTests
{
    private const string OldFee = "18,10 €";
    private const string NewFee = "18,50 €";

    [Fact]
    public async Task Editor_changes_a_slovenian_fee_sees_the_diff_publishes_and_the_web_chat_answers_with_it()
    {
        await using var session = await EditorSession.StartAsync("Mojca", "sl,en");
        var console = session.Console;
        await console.GotoAsync(session.Url("/console/knowledge"));
        var row = console.Locator("#browse-body tr[data-topic=driving-licence]");
        await row.WaitForAsync();
        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-browse-sl.png"), FullPage = true });
        Assert.Contains("objavljeno", await row.Locator("td[data-language=sl]").InnerTextAsync(), StringComparison.Ordinal);

        // Keyboard: the edit button is a real button reached and pressed without a mouse.
        await row.GetByRole(AriaRole.Button).FocusAsync();
        await console.Keyboard.PressAsync("Enter");
        var sl = console.Locator("fieldset[data-language=sl]");
        await sl.WaitForAsync();
        // The fees are in the details: the short answer (at most 600 characters) leaves them one tap away.
        var answer = sl.Locator("textarea[name=details]");
        var text = await answer.InputValueAsync();
        Assert.Contains(OldFee, text, StringComparison.Ordinal);
        await answer.FillAsync(text.Replace(OldFee, NewFee, StringComparison.Ordinal));
        await sl.Locator("button.save").FocusAsync();
        await console.Keyboard.PressAsync("Enter");
        await console.Locator("#status", new() { HasText = "osnutek" }).WaitForAsync();
        Assert.Contains("potreben pregled", await console.Locator("fieldset[data-language=ar] legend").InnerTextAsync(), StringComparison.Ordinal);

        await console.Locator("#versions tr[data-version='2'] button.show-diff").ClickAsync();
        await console.Locator("#diff del", new() { HasText = OldFee }).WaitForAsync();
        await console.Locator("#diff ins", new() { HasText = NewFee }).WaitForAsync();
        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-edit-diff-sl.png"), FullPage = true });

        await console.Locator("#publish").ClickAsync();
        await console.Locator("#status", new() { HasText = "Objavljena različica 2" }).WaitForAsync();

        var user = await session.OpenWebChatAsync("sl");
        var input = user.Locator("[data-id=webchat-sendbox-input]");
        await input.FillAsync("Ali lahko vozim s tujim vozniškim dovoljenjem?");
        await input.PressAsync("Enter");
        var details = user.Locator(".webchat__suggested-action", new() { HasText = Strings.Get("sl", "answer.moreDetails") }).First;
        await details.WaitForAsync(new() { Timeout = 90_000 });
        await details.ClickAsync();
        await user.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = NewFee }).First.WaitForAsync(new() { Timeout = 90_000 });
        await user.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-webchat-new-fee-sl.png") });
    }

    [Fact]
    public async Task An_sq_editor_cannot_change_arabic()
    {
        await using var session = await EditorSession.StartAsync("Arben", "sq");
        var console = session.Console;
        await session.OpenTopicAsync("driving-licence");
        var ar = console.Locator("fieldset[data-language=ar]");
        await ar.WaitForAsync();

        Assert.Equal("rtl", await ar.GetAttributeAsync("dir"));
        Assert.False(await ar.Locator("textarea[name=answer]").IsEditableAsync());
        Assert.Equal(0, await ar.Locator("button.save").CountAsync());
        Assert.Equal(1, await console.Locator("fieldset[data-language=sq] button.save").CountAsync());
        // Not only hidden in the page: the API refuses it.
        var status = await console.EvaluateAsync<int>("""
            async () => {
              const xsrf = decodeURIComponent(document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).substring(11));
              const response = await fetch('/api/knowledge/topics/driving-licence/languages/ar', {
                method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf },
                body: JSON.stringify({ title: 'x', answer: 'x', questions: [], keywords: [] }) });
              return response.status;
            }
            """);
        Assert.Equal(403, status);
        await Axe.AssertNoViolationsAsync(console);
    }

    [Fact]
    public async Task An_unanswered_question_from_the_web_chat_becomes_a_sample_question_and_the_bot_then_answers_it()
    {
        await using var session = await EditorSession.StartAsync("Mojca", "sl");
        var user = await session.OpenWebChatAsync("sl");
        await AskAsync(user, "kje se dobi čebelarsko društvo za srečanja");
        await user.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = Strings.Get("sl", "none.message") }).First.WaitForAsync(new() { Timeout = 90_000 });

        var console = session.Console;
        await console.GotoAsync(session.Url("/console/knowledge"));
        var row = console.Locator("#backlog-body tr", new() { HasText = "čebelarsko" });
        await row.WaitForAsync();
        await row.Locator("select.backlog-topic").SelectOptionAsync("leisure-culture");
        await row.Locator("button.add-sample").ClickAsync();
        await console.Locator("#status", new() { HasText = "leisure-culture" }).WaitForAsync();
        Assert.Equal(0, await console.Locator("#backlog-body tr", new() { HasText = "čebelarsko" }).CountAsync());
        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-backlog-sl.png"), FullPage = true });

        await AskAsync(user, "kje se dobi čebelarsko društvo za srečanja");
        await user.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = "Prosti čas in kultura v Postojni" }).First.WaitForAsync(new() { Timeout = 90_000 });
        await user.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-backlog-webchat-sl.png") });
    }

    private static async Task AskAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id=webchat-sendbox-input]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
