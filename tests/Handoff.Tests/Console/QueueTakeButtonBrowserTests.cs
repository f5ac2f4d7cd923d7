using IntegrationBot.Handoff.Queue;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>A counselor with a screen reader heard "Take, button" on every queue row, with nothing saying whose request
/// it takes: each Take button now names its request.</summary>
public sealed class QueueTakeButtonBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_take_button_names_the_request_it_takes()
    {
        var (playwright, browser) = await ConsoleBrowserLogin.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Ana", "ana-password", false, "en", "ar");
        var scriptErrors = new List<string>();
        var page = await ConsoleBrowserLogin.OpenAsync(browser, host, "Ana", "ana-password", scriptErrors);
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "a-1", "a-1", "{}"), "en", "doctor", HandoffReason.AskedForHuman), Ct);
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("viber", "b-1", "b-1", "{}"), "ar", "housing", HandoffReason.Emergency), Ct);

        var doctor = page.GetByRole(AriaRole.Button, new() { Name = "Take: en, telegram, doctor, Asked for a person" });
        var housing = page.GetByRole(AriaRole.Button, new() { Name = "Take: ar, viber, housing, Emergency" });
        await doctor.WaitForAsync(new() { Timeout = 90_000 });
        await housing.WaitForAsync(new() { Timeout = 90_000 });

        // What a sighted counselor reads is unchanged.
        Assert.Equal("Take", (await housing.InnerTextAsync()).Trim());
        Assert.Empty(scriptErrors);
    }
}
