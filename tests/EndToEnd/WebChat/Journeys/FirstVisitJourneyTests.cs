using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>A first visit in each language: landing page → language → privacy → question → answer → related topic.</summary>
public sealed class FirstVisitJourneyTests
{
    [Theory]
    [InlineData("sl", "kako odprem bančni račun", "bančn")]
    [InlineData("en", "how do I open a bank account", "bank")]
    [InlineData("sq", "si të hap një llogari bankare", "bank")]
    [InlineData("hbs", "kako da otvorim bankovni račun", "bank")]
    [InlineData("ar", "كيف افتح حساب بنكي", "حساب")]
    public async Task First_visit_question_answer_and_a_related_topic(string language, string question, string answerWord)
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(host.BaseAddress, "first-visit-" + language);
        // Before anything: one line per language says what this is.
        Assert.Equal(5, await chat.Page.Locator("#landing p").CountAsync());
        await chat.ShotAsync("landing");

        await chat.Page.ClickAsync($"header button[data-lang={language}]");
        await chat.AcceptPrivacyAsync(language);
        await chat.SayAsync(question);
        await chat.BotSaysAsync(answerWord);
        // The answer's source is a link to the official page.
        await chat.BotBubbles.Locator("a[href^='https:']").First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await chat.ShotAsync("answer");
        var before = await chat.BotBubbles.CountAsync();
        var related = chat.Page.Locator(".webchat__suggested-action").First;
        await related.ClickAsync(new() { Timeout = ChatPage.Timeout });

        await chat.UntilAsync("n => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n + 1", before);
        await chat.ShotAsync("related");
        Assert.False(await chat.Page.Locator("#landing").IsVisibleAsync());
    }

    // Seen in Chromium: when the chat could not start (the token request failed, e.g. rate-limited), an Arabic or
    // Albanian reader was told so in English only.
    [Theory]
    [InlineData("ar", "الدردشة غير متاحة الآن", "rtl")]
    [InlineData("sq", "Biseda nuk është e disponueshme tani", "ltr")]
    public async Task When_the_chat_cannot_start_the_person_is_told_so_in_their_language(string language, string expected, string direction)
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(host.BaseAddress, "unavailable-" + language);
        await chat.Page.RouteAsync("**/api/webchat/token", route => route.FulfillAsync(new() { Status = 503 }));

        await chat.Page.ClickAsync($"header button[data-lang={language}]");

        var status = chat.Page.Locator("#status");
        await status.GetByText(expected).WaitForAsync(new() { Timeout = ChatPage.Timeout });
        Assert.Equal(direction, await status.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await chat.ShotAsync("unavailable");
    }

    [Fact]
    public async Task Phone_numbers_and_addresses_in_an_answer_are_links()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=en"), "links");
        await chat.AcceptPrivacyAsync("en");

        await chat.SayAsync("my husband is hitting me");

        // Violence at home: the police (113) is the number to tap first after the SOS line.
        var call = chat.BotBubbles.Locator("a[href='tel:113']").First;
        await call.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        Assert.Equal("113", (await call.InnerTextAsync()).Trim());
        await chat.SayAsync("how do I open a bank account");
        await chat.BotBubbles.Locator("a[href^='https:']").First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await chat.ShotAsync("links");
    }
}
