using IntegrationBot.Channels.DirectLine;
using IntegrationBot.EndToEnd.Support;
using IntegrationBot.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>A person reloads the page (or the phone slept): the conversation is still there and goes on.</summary>
public sealed class ReloadJourneyTests
{
    [Fact]
    public async Task Reload_mid_conversation_shows_the_conversation_and_the_chat_goes_on()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=en"), "reload");
        await chat.AcceptPrivacyAsync("en");
        await chat.SayAsync("how do I open a bank account");
        await chat.BotSaysAsync("bank");
        await chat.ShotAsync("before-reload");

        await chat.Page.ReloadAsync();

        await chat.ShowsAsync("how do I open a bank account");
        await chat.BotSaysAsync("bank");
        await chat.ShotAsync("after-reload");
        await chat.SayAsync("/help");
        await chat.BotSaysAsync(Strings.Get("en", "help.text")[..30]);
        await chat.ShotAsync("chat-goes-on");
    }

    [Fact]
    public async Task A_token_that_expired_while_the_phone_slept_resumes_the_same_conversation()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=en"), "expired-token");
        await chat.AcceptPrivacyAsync("en");
        await chat.SayAsync("how do I open a bank account");
        await chat.BotSaysAsync("bank");

        // What the tab kept is now two hours past its lifetime, as after a night in a pocket.
        var saved = await chat.Page.EvaluateAsync<Dictionary<string, string>>("() => JSON.parse(sessionStorage.getItem('integrationbot.webchat'))");
        // Issued with the host's own keys (files in its data directory), so only its expiry is wrong.
        var keys = DataProtectionProvider.Create(
            new DirectoryInfo(Path.Combine(host.DataPath, DirectLineKeyRing.KeysDirectory)), b => b.SetApplicationName(DirectLineKeyRing.ApplicationName));
        var expired = new DirectLineTokenService(
            keys,
            Options.Create(new DirectLineOptions { TokenLifetimeSeconds = 60 }),
            new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2))).Issue(saved["conversationId"], saved["userId"]).Token;
        await chat.Page.EvaluateAsync("t => { const s = JSON.parse(sessionStorage.getItem('integrationbot.webchat')); s.token = t; sessionStorage.setItem('integrationbot.webchat', JSON.stringify(s)); }", expired);
        await chat.Page.ReloadAsync();

        await chat.ShowsAsync("how do I open a bank account");
        await chat.SayAsync("/help");
        await chat.BotSaysAsync(Strings.Get("en", "help.text")[..30]);
        await chat.ShotAsync("resumed-after-expiry");
        Assert.Equal(saved["conversationId"], await chat.Page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('integrationbot.webchat')).conversationId"));
    }

    [Fact]
    public async Task Delete_clears_the_page_and_the_browser_keeps_nothing()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=en"), "delete");
        await chat.AcceptPrivacyAsync("en");
        const string secret = "my husband is hitting me";
        await chat.SayAsync(secret);
        await chat.BotSaysAsync("080 11 55");
        await chat.ShotAsync("before-delete");

        await chat.SayAsync("/delete");
        await chat.PressAsync(Strings.Get("en", "delete.yes"));

        await chat.BotSaysAsync(Strings.Get("en", "delete.done")[..20]);
        await chat.UntilAsync("s => !document.getElementById('webchat').innerText.includes(s) && document.querySelectorAll('.webchat__bubble').length === 1", secret);
        await chat.ShotAsync("after-delete");
        var kept = await chat.Page.EvaluateAsync<string>("() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])");
        Assert.DoesNotContain("hitting", kept, StringComparison.Ordinal);
        Assert.Equal("[[],[]]", kept);

        await chat.Page.ReloadAsync();
        await chat.Page.Locator("#webchat").WaitForAsync();
        Assert.DoesNotContain(secret, await chat.Page.InnerTextAsync("body"), StringComparison.Ordinal);
    }

    /// <summary>
    /// After /delete the person often goes on writing (the bot says a new message starts anew). That new conversation
    /// must survive a reload like any other: before the fix the page forgot the erased one and never remembered again,
    /// so a reload opened the language choice and a counselor request made after the delete could never be reopened.
    /// </summary>
    [Fact]
    public async Task After_delete_the_conversation_written_next_survives_a_reload()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=en"), "delete-then-write");
        await chat.AcceptPrivacyAsync("en");
        const string secret = "DELETED-BEFORE how do I open a bank account";
        await chat.SayAsync(secret);
        await chat.BotSaysAsync("bank");
        await chat.SayAsync("/delete");
        await chat.PressAsync(Strings.Get("en", "delete.yes"));
        await chat.UntilAsync("s => !document.getElementById('webchat').innerText.includes(s) && document.querySelectorAll('.webchat__bubble').length === 1"
            + " && !sessionStorage.getItem('integrationbot.webchat')", secret);

        const string after = "AFTER-DELETE where do I register my address";
        await chat.SayAsync(after);
        await chat.BotSaysAsync("upravna enota");
        await chat.UntilAsync("() => !!sessionStorage.getItem('integrationbot.webchat')", string.Empty);

        await chat.Page.ReloadAsync();
        await chat.UntilAsync("s => document.getElementById('webchat').innerText.includes(s)", after);
        await chat.BotSaysAsync("upravna enota");
        await chat.ShotAsync("reloaded-after-delete");
        Assert.DoesNotContain(secret, await chat.Page.InnerTextAsync("body"), StringComparison.Ordinal);
    }
}
