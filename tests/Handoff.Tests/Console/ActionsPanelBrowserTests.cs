using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>Seen in Chromium at desktop size: the Outcome list (its longest option) stuck out of the actions panel.</summary>
public sealed class ActionsPanelBrowserTests
{
    private static readonly LocatorWaitForOptions Long = new() { Timeout = 90_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_control_of_the_actions_panel_stays_inside_it()
    {
        var (playwright, browser) = await ConsoleBrowserLogin.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password", false, "en");
        var page = await ConsoleBrowserLogin.OpenAsync(browser, host, "Maja", "maja-password", []);
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "t-1", "t-1", "{}"), "en", "work", HandoffReason.AskedForHuman), Ct);
        var row = page.Locator("#queue-rows tr", new() { HasText = "telegram" });
        await row.WaitForAsync(Long);
        await row.Locator("button", new() { HasText = "Take" }).ClickAsync();
        await page.Locator("#conv-status", new() { HasText = "active" }).WaitForAsync(Long);
        await page.SelectOptionAsync("#close-outcome", "referred");

        var panel = (await page.Locator("aside.actions").BoundingBoxAsync())!;
        foreach (var control in await page.Locator("aside.actions select, aside.actions input, aside.actions button").AllAsync())
        {
            if (await control.BoundingBoxAsync() is { } box)
            {
                Assert.True(box.X + box.Width <= panel.X + panel.Width + 0.5, $"{await control.EvaluateAsync<string>("e => e.id || e.textContent")} ends at {box.X + box.Width}, the panel at {panel.X + panel.Width}");
            }
        }
    }
}
