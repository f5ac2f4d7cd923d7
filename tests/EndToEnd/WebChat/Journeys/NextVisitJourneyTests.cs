using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// A person asks for a counselor in web chat, closes the page and comes back later in a new tab (the next morning, from
/// the municipality's site or a bookmark): the counselor's answer given meanwhile is there and the chat goes on. A day
/// after the person last wrote the device keeps nothing, so a shared computer does not show the next visitor an old chat.
/// </summary>
public sealed class NextVisitJourneyTests
{
    private const string Question = "I want to talk to a person please";

    [Fact]
    public async Task A_new_tab_shows_the_counselors_reply_given_while_the_page_was_closed_and_the_chat_goes_on()
    {
        await using var session = await ConsoleBrowserSession.StartAsync("Maja", "maja-password-1", "en,ar");
        var console = session.Console;
        var device = await PhoneAsync(session.Browser);
        var chat = await OpenTabAsync(device, new Uri(session.Host.BaseAddress, "/?lang=en"));
        await chat.AcceptPrivacyAsync("en");
        await chat.SayAsync(Question);
        await chat.BotSaysAsync("number 1 in line");
        var conversation = await ConversationIdAsync(chat.Page, "sessionStorage");
        await chat.Page.CloseAsync();

        await session.TakeAsync("webchat");
        await console.FillAsync("#reply-text", "Hello, I am Maja. Please bring your passport on Monday.");
        await console.ClickAsync("#send");
        await console.Locator("#transcript li", new() { HasText = "bring your passport" }).WaitForAsync(new() { Timeout = ChatPage.Timeout });

        // The site's address without ?lang: what a bookmark or the municipality's link opens.
        var next = await OpenTabAsync(device, new Uri(session.Host.BaseAddress, "/"));
        await next.BotSaysAsync("bring your passport");
        await next.ShowsAsync(Question);
        await next.ShotAsync("counselor-reply-in-a-new-tab");
        Assert.Equal(conversation, await ConversationIdAsync(next.Page, "sessionStorage"));
        await next.SayAsync("Thank you, I will come");
        await console.Locator("#transcript li.user", new() { HasText = "I will come" }).WaitForAsync(new() { Timeout = ChatPage.Timeout });
    }

    [Fact]
    public async Task A_day_after_the_person_last_wrote_a_new_tab_starts_a_new_conversation()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var device = await PhoneAsync(browser.Browser);
        var chat = await AskedAboutTheBankAsync(device, host.BaseAddress);
        var old = await ConversationIdAsync(chat.Page, "localStorage");
        // The device's record as it is a day and a minute after the person's last message.
        await chat.Page.EvaluateAsync("() => { const r = JSON.parse(localStorage.getItem('integrationbot.webchat')); r.until = Date.now() - 60000; localStorage.setItem('integrationbot.webchat', JSON.stringify(r)); }");
        await chat.Page.CloseAsync();

        var next = await OpenTabAsync(device, new Uri(host.BaseAddress, "/?lang=en"));
        await next.BotSaysAsync(Strings.Get("en", "privacy.notice")[..30]);
        var fresh = await ConversationIdAsync(next.Page, "sessionStorage");
        Assert.NotEqual(old, fresh);
        Assert.DoesNotContain("bank account", await next.Page.InnerTextAsync("#webchat"), StringComparison.Ordinal);
        Assert.Equal(fresh, await ConversationIdAsync(next.Page, "localStorage"));
    }

    [Fact]
    public async Task After_a_violence_answer_the_device_keeps_nothing_a_reload_resumes_and_a_new_tab_starts_anew()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var device = await PhoneAsync(browser.Browser);
        var chat = await AskedAboutTheBankAsync(device, host.BaseAddress);
        await ConversationIdAsync(chat.Page, "localStorage");
        const string secret = "my husband is hitting me";
        await chat.SayAsync(secret);
        await chat.BotSaysAsync("080 11 55");

        // A shared or family computer: the next person who opens the site must not find this conversation.
        await chat.UntilAsync("() => localStorage.getItem('integrationbot.webchat') === null");
        await chat.Page.ReloadAsync();
        await chat.ShowsAsync(secret);
        await chat.SayAsync("/help");
        await chat.BotSaysAsync(Strings.Get("en", "help.text")[..30]);
        Assert.Null(await chat.Page.EvaluateAsync<string?>("() => localStorage.getItem('integrationbot.webchat')"));
        await chat.Page.CloseAsync();

        var next = await OpenTabAsync(device, new Uri(host.BaseAddress, "/?lang=en"));
        await next.BotSaysAsync(Strings.Get("en", "privacy.notice")[..30]);
        Assert.DoesNotContain(secret, await next.Page.InnerTextAsync("#webchat"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_in_one_tab_clears_the_same_conversation_in_the_other_tab()
    {
        // Two tabs of one conversation (the second opened from the device's record): /delete in one left the other
        // showing the erased conversation and holding its record, so whoever next looked at that tab saw it.
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var device = await PhoneAsync(browser.Browser);
        var first = await AskedAboutTheBankAsync(device, host.BaseAddress);
        var conversation = await ConversationIdAsync(first.Page, "localStorage");
        var second = await OpenTabAsync(device, new Uri(host.BaseAddress, "/"));
        await second.ShowsAsync("how do I open a bank account");
        Assert.Equal(conversation, await ConversationIdAsync(second.Page, "sessionStorage"));

        await first.Page.BringToFrontAsync();
        await first.SayAsync("/delete");
        await first.PressAsync(Strings.Get("en", "delete.yes"));
        await first.BotSaysAsync(Strings.Get("en", "delete.done")[..20]);

        await second.UntilAsync(
            "c => !document.getElementById('webchat').innerText.includes('bank account')"
            + " && !(sessionStorage.getItem('integrationbot.webchat') || '').includes(c)"
            + " && !(localStorage.getItem('integrationbot.webchat') || '').includes(c)",
            conversation);
        await second.ShotAsync("delete-clears-the-other-tab");

        // And the tab still works: whoever writes there next starts anew.
        await second.SayAsync("/help");
        await second.BotSaysAsync(Strings.Get("en", "help.text")[..30]);
    }

    // One phone's browser: its tabs share the site's storage (a page of its own would have a browser profile of its own).
    private static Task<IBrowserContext> PhoneAsync(IBrowser browser) =>
        browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });

    // A conversation under way in English: the privacy notice accepted, one everyday question answered.
    private static async Task<ChatPage> AskedAboutTheBankAsync(IBrowserContext device, Uri site)
    {
        var chat = await OpenTabAsync(device, new Uri(site, "/?lang=en"));
        await chat.AcceptPrivacyAsync("en");
        await chat.SayAsync("how do I open a bank account");
        await chat.BotSaysAsync("bank");
        return chat;
    }

    private static async Task<ChatPage> OpenTabAsync(IBrowserContext device, Uri url)
    {
        var page = await device.NewPageAsync();
        page.SetDefaultTimeout(ChatPage.Timeout);
        await page.GotoAsync(url.ToString());
        return new ChatPage(page, "next-visit");
    }

    private static Task<string> ConversationIdAsync(IPage page, string storage) =>
        page.EvaluateAsync<string>($"() => JSON.parse({storage}.getItem('integrationbot.webchat')).conversationId");
}
