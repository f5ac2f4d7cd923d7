using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>The console's own words in the language the counselor chooses in the header: Arabic right to left from the
/// login view on, kept over a reload, and another language at once without losing the open conversation or its draft.</summary>
public sealed class PageLanguageBrowserTests
{
    private const string Question = "أحتاج مساعدة في إيجاد شقة";
    private const string Draft = "مرحبا، سأساعدك";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Arabic_chosen_on_the_login_view_reads_right_to_left_survives_a_reload_and_gives_way_to_albanian()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        await session.AddCounselorAsync("Amira", "ar", "en");
        var ticket = await session.Host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("webchat", "ar-1", "u1", "{}"), "ar", "housing", HandoffReason.AskedForHuman), Ct);
        await session.Host.Queue.RelayUserMessageAsync(ticket.RequestId, Question, Ct);
        var page = await session.NewPageAsync();
        await session.OpenConsoleAsync(page);

        await page.SelectOptionAsync("#ui-language", "ar");
        await page.Locator("#login-view h2", new() { HasText = "تسجيل الدخول" }).WaitForAsync();
        Assert.Equal(["ar", "rtl"], await LanguageAndDirectionAsync(page));
        await page.FillAsync("input[name=name]", "Amira");
        await page.FillAsync("input[name=password]", ConsoleBrowserSession.PasswordOf("Amira"));
        await page.ClickAsync("#login-form button[type=submit]");
        await ConsoleBrowserSession.ConnectedAsync(page);

        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));
        Assert.Equal("قائمة الانتظار", await page.InnerTextAsync("button[data-view=queue] [data-t]"));
        Assert.Equal("النشطة", await page.InnerTextAsync("button[data-view=active]"));
        var row = page.Locator("#queue-rows tr", new() { HasText = "housing" });
        Assert.Contains("طلب التحدث إلى شخص", await row.InnerTextAsync());
        await row.Locator("button", new() { HasText = "استلام" }).ClickAsync();
        await page.Locator("#conv-status", new() { HasText = "نشطة – Amira" }).WaitForAsync();
        await page.Locator("#transcript li.user", new() { HasText = Question }).WaitForAsync();
        Assert.StartsWith("الشخص · ", await page.InnerTextAsync("#transcript li.user .meta"), StringComparison.Ordinal);
        await page.FillAsync("#reply-text", Draft);
        // Right to left: the actions beside the transcript stand on its left, the Back button at the right.
        var transcript = await BoxAsync(page, ".transcript-pane");
        var actions = await BoxAsync(page, "#conversation-view .actions");
        Assert.True(actions.X + actions.Width <= transcript.X, $"actions at {actions.X}, transcript at {transcript.X}");
        Assert.True((await BoxAsync(page, "#back")).X > 640, "Back is not on the right");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), "console-arabic.png"), FullPage = true });

        await page.ReloadAsync();
        await page.Locator("#live.on").WaitForAsync();
        await page.Locator("#transcript li.user", new() { HasText = Question }).WaitForAsync();
        Assert.Equal(["ar", "rtl"], await LanguageAndDirectionAsync(page));
        Assert.Equal("النشطة", await page.InnerTextAsync("button[data-view=active]"));
        Assert.Equal(Draft, await page.InputValueAsync("#reply-text"));

        await page.SelectOptionAsync("#ui-language", "sq");
        await page.Locator("button[data-view=active]", new() { HasText = "Aktive" }).WaitForAsync();
        await page.Locator("#conv-status", new() { HasText = "aktive – Amira" }).WaitForAsync();
        Assert.Equal(["sq", "ltr"], await LanguageAndDirectionAsync(page));
        Assert.Equal("Radha", await page.InnerTextAsync("button[data-view=queue] [data-t]"));
        Assert.Equal("Dërgo", await page.InnerTextAsync("#send"));
        Assert.True(await page.Locator("#conversation-view").IsVisibleAsync());
        Assert.Equal(Draft, await page.InputValueAsync("#reply-text"));
        // The person's Arabic keeps its own direction in an Albanian page.
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#transcript li.user')).direction"));
        Assert.Empty(session.ScriptErrors);
    }

    private static Task<string[]> LanguageAndDirectionAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => [document.documentElement.lang, document.documentElement.dir]");

    private static async Task<LocatorBoundingBoxResult> BoxAsync(IPage page, string selector) =>
        await page.Locator(selector).BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not shown");

    /// <summary>docs/screenshots of the repository this test was built from.</summary>
    private static string ScreenshotFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "IntegrationBot.sln")))
        {
            folder = folder.Parent;
        }

        return Directory.CreateDirectory(Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "docs", "screenshots")).FullName;
    }
}
