using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Handoff;

/// <summary>
/// A counselor writing a long reply who reloaded the page (or whose page reloaded after a network hiccup) lost it. The
/// draft is kept in the tab (sessionStorage, per conversation) across a reload, and only there: another tab of the same
/// login never shows it and no request carries it before Send. Sending removes it; logging out and the session ending
/// remove every draft, so the next login in that tab finds an empty box.
/// </summary>
public sealed class ReplyDraftReloadBrowserTests
{
    private const string Draft = "DRAFT-7731 Dear Amir, I called the landlord about the flat. He agrees to wait for the rent until the 15th, "
        + "and I will send you the list of documents for the housing benefit tomorrow morning.";

    [Fact]
    public async Task A_reply_draft_survives_a_reload_of_its_tab_and_is_gone_after_sending_and_when_the_session_ends()
    {
        await using var session = await ConsoleBrowserSession.StartAsync("Maja", "maja-password-1", "en");
        var console = session.Console;
        var requests = new List<string>();
        console.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url + "\n" + request.PostData);
            }
        };
        var person = await ConsoleConversation.PersonAsksForCounselorAsync(session, "reply-draft-reload");
        await ConsoleConversation.TakeAsync(console);

        await console.Keyboard.TypeAsync(Draft);
        await console.ReloadAsync();
        await BoxHoldsAsync(console, Draft);
        await ConsoleConversation.ShotAsync(console, "console-reply-draft-after-reload");

        // Another tab of the same login (as a colleague at this computer would open) shows none of it.
        var other = await console.Context.NewPageAsync();
        await other.GotoAsync(console.Url);
        await other.Locator("#conv-title", new() { HasText = "webchat" }).WaitForAsync();
        Assert.Equal("", await other.InputValueAsync("#reply-text"));
        await other.CloseAsync();
        lock (requests)
        {
            Assert.DoesNotContain(requests, r => r.Contains("DRAFT-7731", StringComparison.Ordinal));
        }

        // Sent: gone from the tab, a reload shows an empty box.
        await console.ClickAsync("#send");
        await person.BotSaysAsync("DRAFT-7731");
        // The person can read it before the console has its answer: the box empties (and the draft goes) on that answer,
        // so a reload before it would still find the draft (seen once in CI on a busy machine).
        await BoxHoldsAsync(console, "");
        await console.ReloadAsync();
        await console.Locator("#transcript li.counselor", new() { HasText = "DRAFT-7731" }).WaitForAsync();
        Assert.Equal("", await console.InputValueAsync("#reply-text"));
        Assert.False(await StoredAsync(console, "DRAFT-7731"));

        // Logging out removes every draft of the tab: the next login in it starts with an empty box.
        await console.FillAsync("#reply-text", "SECOND-DRAFT about the school enrolment");
        await console.ClickAsync("#logout");
        await console.Locator("#login-form:visible").WaitForAsync();
        Assert.False(await StoredAsync(console, "SECOND-DRAFT"));
        await LogInAndOpenAsync(console);
        Assert.Equal("", await console.InputValueAsync("#reply-text"));

        // The session ends elsewhere (logged out in another tab of this browser): this tab goes back to the login form
        // by itself and keeps no draft.
        await console.FillAsync("#reply-text", "THIRD-DRAFT about the doctor");
        var elsewhere = await console.Context.NewPageAsync();
        await elsewhere.GotoAsync(new Uri(session.Host.BaseAddress, "/console").ToString());
        await elsewhere.ClickAsync("#logout");
        await console.Locator("#error", new() { HasText = "session has ended" }).WaitForAsync();
        Assert.False(await StoredAsync(console, "THIRD-DRAFT"));
    }

    private static Task BoxHoldsAsync(IPage console, string text) =>
        console.WaitForFunctionAsync("t => document.querySelector('#reply-text').value === t", text, new() { Timeout = ConsoleConversation.Patience });

    private static Task<bool> StoredAsync(IPage console, string marker) =>
        console.EvaluateAsync<bool>("m => Object.keys(sessionStorage).some(k => (sessionStorage.getItem(k) || '').includes(m))", marker);

    private static async Task LogInAndOpenAsync(IPage console)
    {
        await console.FillAsync("input[name=name]", "Maja");
        await console.FillAsync("input[name=password]", "maja-password-1");
        await console.ClickAsync("#login-form button[type=submit]");
        await console.ClickAsync("button[data-view=active]");
        await console.Locator("#active-rows tr", new() { HasText = "webchat" }).ClickAsync();
        await console.Locator("#reply-text:not([disabled]):focus").WaitForAsync();
    }
}
