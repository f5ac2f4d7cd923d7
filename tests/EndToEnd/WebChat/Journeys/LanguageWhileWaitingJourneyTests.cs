using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// The language changes while a person waits for a counselor or talks to one, walked at 390×844 with the real console
/// (until now tested only in-process, LanguageChangeWhileWaitingTests). Walking it: a person waiting in Albanian who
/// chose Arabic read only "I will write to you in Arabic" and the menu, nothing in Arabic said their request still
/// waited; and with a counselor the menu came too, whose buttons went to the counselor as messages while the bot stayed
/// silent; and a person waiting who wrote in Arabic got the Albanian answer, never asked whether to go on in Arabic.
/// </summary>
public sealed class LanguageWhileWaitingJourneyTests
{
    private const string RightToLeft = "() => document.getElementById('webchat').dir === 'rtl' && document.documentElement.dir === 'rtl'"
        + " && /[\\u0600-\\u06FF]/.test(document.querySelector('[data-id=webchat-sendbox-input]')?.placeholder || '')";

    private const string CyrillicLeftToRight = "() => document.getElementById('webchat').dir === 'ltr' && document.documentElement.dir === 'ltr'"
        + " && /[\\u0400-\\u04FF]/.test(document.querySelector('[data-id=webchat-sendbox-input]')?.placeholder || '')";

    [Theory]
    [InlineData("chooser-button")]
    [InlineData("command")]
    [InlineData("header")]
    [InlineData("offer")]
    public async Task Waiting_in_Albanian_then_Arabic_is_told_in_Arabic_that_the_request_waits_and_gets_the_counselor_in_Arabic(string how)
    {
        await using var session = await ConsoleBrowserSession.StartAsync("Maja", "maja-password-1", "sq,ar");
        var console = session.Console;
        var chat = await ChatPage.OpenAsync(session.Browser, new Uri(session.Host.BaseAddress, "/?lang=sq"), "language-while-waiting-" + how);
        await chat.AcceptPrivacyAsync("sq");
        await chat.SayAsync("dua te flas me nje person");
        await chat.BotSaysAsync(Strings.Get("sq", "handoff.queuedOpen")[..30]);
        await QueueShowsLanguageAsync(console, "sq");

        switch (how)
        {
            case "header":
                await chat.Page.ClickAsync("header button[data-lang=ar]");
                break;
            case "command":
                await chat.SayAsync("/language");
                await chat.PressAsync(Strings.Get("ar", "language.name"));
                break;
            case "offer":
                // Written in Arabic while waiting: before, answered in Albanian and never asked whether to go on in Arabic.
                await chat.SayAsync("كيف احصل على تصريح الإقامة");
                await chat.PressAsync(Strings.Get("ar", "language.switchYes"));
                break;
            default:
                await chat.SayAsync("/help");
                await chat.PressAsync(Strings.Get("sq", "language.changeButton"));
                await chat.PressAsync(Strings.Get("ar", "language.name"));
                break;
        }

        await chat.UntilAsync(RightToLeft);
        await chat.BotSaysAsync(Strings.Get("ar", "language.chosen")[..10]);
        // Before anything else is asked: the request still waits, said in Arabic (its first message was Albanian).
        await chat.BotSaysAsync(Before(Strings.Get("ar", "handoff.stillQueued"), "{position}"));
        // The console's queue follows without a reload.
        await QueueShowsLanguageAsync(console, "ar");
        await chat.ShotAsync("arabic-while-waiting");

        // Asked again under an answer: told it is already with the counselors, and no second request.
        await chat.SayAsync("كيف افتح حساب بنكي");
        await chat.BotSaysAsync(Strings.Get("ar", "answer.helpfulQuestion")[..8]);
        await chat.PressAsync(Strings.Get("ar", "menu.counselor"));
        await chat.BotSaysAsync(Strings.Get("ar", "handoff.alreadyWaiting")[..20]);
        Assert.Equal(1, await FreshQueueRowsAsync(console));

        await session.TakeAsync("webchat");
        await console.Locator("#transcript li", new() { HasText = "dua te flas me nje person" }).WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await chat.BotSaysAsync(Strings.Get("ar", "handoff.claimed").Replace("{counselor} ", "", StringComparison.Ordinal)[..15]);
        await console.FillAsync("#reply-text", "مرحبا، أنا مايا. تعال يوم الاثنين مع جواز السفر.");
        await console.ClickAsync("#send");
        await chat.BotSaysAsync("جواز السفر");
        await chat.Page.ReloadAsync();
        await chat.BotSaysAsync("جواز السفر");
        await chat.UntilAsync(RightToLeft);
        await chat.ShotAsync("counselor-reply-after-reload");
    }

    [Fact]
    public async Task With_a_counselor_a_typed_language_command_changes_to_Cyrillic_and_the_counselor_reads_why()
    {
        await using var session = await ConsoleBrowserSession.StartAsync("Maja", "maja-password-1", "ar,hbs");
        var console = session.Console;
        var chat = await ChatPage.OpenAsync(session.Browser, new Uri(session.Host.BaseAddress, "/?lang=ar"), "language-with-counselor");
        await chat.AcceptPrivacyAsync("ar");
        await chat.SayAsync("أريد التحدث مع شخص");
        await chat.BotSaysAsync(Strings.Get("ar", "handoff.queuedOpen")[..20]);
        await session.TakeAsync("webchat");
        // The conversation is on screen before Maja types (under load a reply typed during its first render was lost).
        var transcript = console.Locator("#transcript li");
        await transcript.Filter(new() { HasText = "أريد التحدث مع شخص" }).WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await chat.BotSaysAsync(Strings.Get("ar", "handoff.claimed").Replace("{counselor} ", "", StringComparison.Ordinal)[..15]);
        await console.FillAsync("#reply-text", "مرحبا، أنا مايا. كيف أساعدك؟");
        await console.ClickAsync("#send");
        await chat.BotSaysAsync("كيف أساعدك");

        await chat.SayAsync("/language");
        await chat.BotSaysAsync(Strings.Get("hbs", "language.welcomeLine")[..20]);
        await chat.ShotAsync("chooser-with-counselor");
        await chat.PressAsync("Босански / Хрватски / Српски");
        await chat.BotSaysAsync("Писаћу вам");
        await chat.UntilAsync(CyrillicLeftToRight);

        // The counselor reads why the language changed and what the person was told, and never "/language".
        await transcript.Filter(new() { HasText = "the person changed the language to hbs" }).WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await transcript.Filter(new() { HasText = "Писаћу вам" }).WaitForAsync(new() { Timeout = ChatPage.Timeout });
        Assert.Equal(0, await transcript.Filter(new() { HasText = "/language" }).CountAsync());
        // No menu under it: with a counselor a tapped button goes to the counselor and the bot does not answer it.
        // The widget is drawn anew in Cyrillic and replays the chat: counted once the change's reply is the last again.
        await chat.UntilAsync("t => [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)')].pop()?.textContent.includes(t)", "Писаћу вам");
        Assert.Equal(0, await chat.Page.Locator(".webchat__suggested-action").CountAsync());
        await chat.ShotAsync("cyrillic-with-counselor");

        await console.FillAsync("#reply-text", "Dobro, pišem vam na bosanskom.");
        await console.ClickAsync("#send");
        await chat.BotSaysAsync("pišem vam na bosanskom");
        await chat.SayAsync("хвала, разумијем");
        await transcript.Filter(new() { HasText = "хвала, разумијем" }).WaitForAsync(new() { Timeout = ChatPage.Timeout });
    }

    private static string Before(string text, string placeholder) => text[..text.IndexOf(placeholder, StringComparison.Ordinal)].Trim();

    private static Task QueueShowsLanguageAsync(IPage console, string language) =>
        console.WaitForFunctionAsync(
            "l => [...document.querySelectorAll('#queue-rows tr')].some(r => r.cells[1]?.textContent.trim() === l)",
            language,
            new() { Timeout = ChatPage.Timeout, PollingInterval = 100 });

    /// <summary>The waiting rows after the queue was fetched anew (rows of the earlier fetch marked, then replaced).</summary>
    private static async Task<int> FreshQueueRowsAsync(IPage console)
    {
        await console.EvaluateAsync("() => document.querySelectorAll('#queue-rows tr').forEach(r => r.dataset.earlier = '1')");
        await console.ClickAsync("#nav button[data-view=queue]");
        await console.WaitForFunctionAsync(
            "() => document.querySelector('#queue-rows tr') && !document.querySelector('#queue-rows tr[data-earlier]')",
            null,
            new() { Timeout = ChatPage.Timeout, PollingInterval = 100 });
        return await console.Locator("#queue-rows tr").CountAsync();
    }
}
