using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary>
/// The office keeps the local directory in real Chromium against the real host: an editor gives the health centre its
/// phone number, and a migrant asking about a doctor in the web chat gets it without a restart.
/// </summary>
public sealed class DirectoryEditorBrowserTests
{
    private const string NewPhone = "05 700 12 34";

    [Fact]
    public async Task An_editor_changes_the_health_centre_phone_and_a_migrants_answer_shows_it()
    {
        await using var session = await EditorSession.StartAsync("Mojca", "sl,en");
        var console = session.Console;
        await console.GotoAsync(session.Url("/console/knowledge"));
        var row = console.Locator("#directory-body tr[data-entry=zd-postojna]");
        await row.WaitForAsync();
        Assert.Contains("Imenik ustanov", await console.Locator("#directory-heading").InnerTextAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Button).ClickAsync();
        var form = console.Locator("#directory-form");
        await form.WaitForAsync();
        Assert.False(await console.Locator("#dir-name-ar").IsEditableAsync()); // Mojca is not registered for Arabic
        await console.Locator("#dir-phone").FillAsync(NewPhone);
        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-directory-edit-sl.png"), FullPage = true });
        await form.Locator("button[type=submit]").ClickAsync();
        await console.Locator("#status", new() { HasText = "različica 2" }).WaitForAsync();
        await console.Locator("#directory-body tr[data-entry=zd-postojna]", new() { HasText = NewPhone }).WaitForAsync();

        var user = await session.OpenWebChatAsync("sl");
        var input = user.Locator("[data-id=webchat-sendbox-input]");
        await input.FillAsync("Kako izberem osebnega zdravnika?");
        await input.PressAsync("Enter");
        await user.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = NewPhone }).First.WaitForAsync(new() { Timeout = 60_000 });
        await user.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-directory-webchat-sl.png") });
    }
}
