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
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddCounselorAsync("Ana", "en", "ar");
        var page = await session.LoginAsync("Ana");
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "a-1", "a-1", "{}"), "en", "doctor", HandoffReason.AskedForHuman), Ct);
        await host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("viber", "b-1", "b-1", "{}"), "ar", "housing", HandoffReason.Emergency), Ct);

        var doctor = page.GetByRole(AriaRole.Button, new() { Name = "Take: en, telegram, doctor, Asked for a person" });
        var housing = page.GetByRole(AriaRole.Button, new() { Name = "Take: ar, viber, housing, Emergency" });
        await doctor.WaitForAsync();
        await housing.WaitForAsync();

        // What a sighted counselor reads is unchanged.
        Assert.Equal("Take", (await housing.InnerTextAsync()).Trim());
        Assert.Empty(session.ScriptErrors);
    }
}
