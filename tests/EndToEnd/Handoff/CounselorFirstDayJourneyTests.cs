using System.Net;
using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Handoff;

/// <summary>
/// A counselor's first day on a fresh install, in real Chromium: the first login finds an empty queue; a migrant on a
/// phone asks for a person in Arabic; the request appears live with a sound and a count in the tab title; the counselor
/// takes it with the keyboard, reads the message that asked for a person, answers with a canned response in Arabic
/// (the install's default set) and the migrant reads it right to left; axe-core finds nothing with the conversation
/// open; after logging out, the old session cookie is refused.
/// </summary>
public sealed class CounselorFirstDayJourneyTests
{
    private const string Asked = "أريد التحدث مع شخص من فضلك";
    private const string Greeting = "مرحبًا! شكرًا على رسائلك. أنا هنا لمساعدتك.";

    [Fact]
    public async Task On_a_fresh_install_an_Arabic_request_is_answered_with_a_default_canned_response_read_right_to_left()
    {
        await using var session = await ConsoleBrowserSession.StartAsync("Maja", "maja-password-1", "en,ar");
        // A console of its own that lets axe-core in (the console's CSP allows only its own scripts).
        var window = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, BypassCSP = true });
        window.SetDefaultTimeout(90_000);
        var console = await window.NewPageAsync();
        var phone = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        phone.SetDefaultTimeout(90_000);
        var user = await phone.NewPageAsync();
        try
        {
            await WalkAsync(session.Host, console, user);
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            throw new InvalidOperationException($"{e.Message}\n--- phone ---\n{await user.InnerTextAsync("body")}\n--- console ---\n{await console.InnerTextAsync("body")}", e);
        }
    }

    private static async Task WalkAsync(HostProcess host, IPage console, IPage user)
    {
        await console.GotoAsync(new Uri(host.BaseAddress, "/console").ToString());
        await console.FillAsync("input[name=name]", "Maja");
        await console.FillAsync("input[name=password]", "maja-password-1");
        await console.Keyboard.PressAsync("Enter");
        await console.Locator("#live.on").WaitForAsync();
        await console.Locator("#queue-view:not([hidden])").WaitForAsync();
        Assert.Equal(0, await console.Locator("#queue-rows tr", new() { HasText = "webchat" }).CountAsync());

        await user.GotoAsync(new Uri(host.BaseAddress, "/?lang=ar").ToString());
        var accept = user.Locator(".webchat__suggested-action", new() { HasText = Strings.Get("ar", "privacy.accept") }).First;
        await accept.ClickAsync();
        var input = user.Locator("[data-id=webchat-sendbox-input]");
        await input.FillAsync(Asked);
        await input.PressAsync("Enter");

        var row = console.Locator("#queue-rows tr", new() { HasText = "webchat" });
        await row.WaitForAsync();
        await console.Locator("#alerts[data-sound=played]").WaitForAsync();
        await console.WaitForFunctionAsync("() => document.title.startsWith('(1)')", null, new() { Timeout = 90_000 });
        await console.ScreenshotAsync(new() { Path = "/tmp/first-day-queue.png", FullPage = true });

        await row.FocusAsync();
        await console.Keyboard.PressAsync("Enter");
        // Opened once the heading has the focus, as for a keyboard user: Take is enabled in the page before the
        // conversation is drawn, and on a busy machine the drawing moved the focus to the heading after the test had put
        // it on Take, so Enter took nothing (CI rehearsal: "waiting" after 90 s).
        await console.Locator("#conv-title:focus").WaitForAsync();
        var take = console.Locator("#take:not([disabled])");
        await take.WaitForAsync();
        await take.FocusAsync();
        await console.Keyboard.PressAsync("Enter");
        await console.Locator("#transcript li.user", new() { HasText = Asked }).WaitForAsync();
        await console.Locator("#reply-text:focus").WaitForAsync();

        // The install's own Arabic set, in Arabic, and only it: a counselor has something to pick on day one.
        var options = (await console.Locator("#canned-pick option").AllTextContentsAsync()).Skip(1).ToList();
        Assert.Equal(5, options.Count);
        Assert.All(options, o => Assert.StartsWith("ar · ", o, StringComparison.Ordinal));
        await console.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("canned-pick", await console.EvaluateAsync<string>("() => document.activeElement.id"));
        await console.SelectOptionAsync("#canned-pick", new SelectOptionValue { Label = "ar · تحية" });
        Assert.Equal(Greeting, await console.InputValueAsync("#reply-text"));
        await console.Keyboard.PressAsync("Tab");
        await console.Keyboard.PressAsync("Tab");
        Assert.Equal("send", await console.EvaluateAsync<string>("() => document.activeElement.id"));
        await console.Keyboard.PressAsync("Enter");
        await console.Locator("#transcript li.counselor", new() { HasText = "أنا هنا لمساعدتك" }).WaitForAsync();

        var bubble = user.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = "أنا هنا لمساعدتك" }).First;
        await bubble.WaitForAsync();
        Assert.Equal("rtl", await bubble.EvaluateAsync<string>("b => getComputedStyle(b.querySelector('.webchat__text-content, p') || b).direction"));
        await user.ScreenshotAsync(new() { Path = "/tmp/first-day-phone-ar.png" });
        await console.ScreenshotAsync(new() { Path = "/tmp/first-day-conversation.png", FullPage = true });

        await Axe.AssertNoViolationsAsync(console);

        var cookie = (await console.Context.CookiesAsync()).Single(c => c.Name == "ib_console");
        await console.ClickAsync("#logout");
        await console.Locator("#login-form:visible").WaitForAsync();
        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/handoffs?status=active");
        request.Headers.Add("Cookie", $"ib_console={cookie.Value}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
    }
}
