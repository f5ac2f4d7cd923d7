using IntegrationBot.EndToEnd.Support;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.TestSupport;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary>
/// The rest of the editor's journeys in real Chromium against the real host (page language sl): a change to en marks
/// the other languages "needs review" on the page; revert brings the old answer back to the web chat; a topic added on
/// the page and retired there is no longer answered once published. The pages are checked with axe-core.
/// </summary>
public sealed class TopicLifecycleBrowserTests
{
    private const int Patient = 90_000;

    [Fact]
    public async Task A_change_to_english_marks_the_other_languages_needs_review_on_the_page()
    {
        await using var session = await EditorSession.StartAsync("Eva", "en,sl");
        var console = session.Console;
        await session.OpenTopicAsync("driving-licence");
        var en = console.Locator("fieldset[data-language=en]");
        await en.WaitForAsync(new() { Timeout = Patient });
        foreach (var other in new[] { "sl", "sq", "hbs", "ar" })
        {
            Assert.Contains("objavljeno", await Legend(console, other).InnerTextAsync(), StringComparison.Ordinal);
        }

        var details = en.Locator("textarea[name=details]");
        var text = await details.InputValueAsync();
        Assert.Contains("€18.10", text, StringComparison.Ordinal);
        await details.FillAsync(text.Replace("€18.10", "€18.50", StringComparison.Ordinal));
        await en.Locator("button.save").FocusAsync();
        await console.Keyboard.PressAsync("Enter");
        await console.Locator("#status", new() { HasText = "osnutek" }).WaitForAsync(new() { Timeout = Patient });

        Assert.Contains("osnutek", await Legend(console, "en").InnerTextAsync(), StringComparison.Ordinal);
        foreach (var other in new[] { "sl", "sq", "hbs", "ar" })
        {
            Assert.Contains("potreben pregled", await Legend(console, other).InnerTextAsync(), StringComparison.Ordinal);
        }

        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-needs-review-sl.png"), FullPage = true });

        // The topic list says it too, per language.
        await console.Locator("#back").ClickAsync();
        var row = console.Locator("#browse-body tr[data-topic=driving-licence]");
        await row.WaitForAsync(new() { Timeout = Patient });
        Assert.Contains("potreben pregled", await row.Locator("td[data-language=ar]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("osnutek", await row.Locator("td[data-language=en]").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revert_restores_the_old_answer_in_the_web_chat()
    {
        const string oldFee = "18,10 €";
        const string newFee = "18,50 €";
        await using var session = await EditorSession.StartAsync("Mojca", "sl");
        var console = session.Console;
        console.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await session.OpenTopicAsync("driving-licence");
        var sl = console.Locator("fieldset[data-language=sl]");
        await sl.WaitForAsync(new() { Timeout = Patient });
        var details = sl.Locator("textarea[name=details]");
        await details.FillAsync((await details.InputValueAsync()).Replace(oldFee, newFee, StringComparison.Ordinal));
        await sl.Locator("button.save").ClickAsync();
        await console.Locator("#status", new() { HasText = "osnutek" }).WaitForAsync(new() { Timeout = Patient });
        await console.Locator("#publish").ClickAsync();
        await console.Locator("#status", new() { HasText = "Objavljena različica 2" }).WaitForAsync(new() { Timeout = Patient });
        await AskForFeeDetailsAsync(session, newFee, "knowledge-revert-before-sl.png");

        // Keyboard: the revert button of version 1 is a real button; the confirmation is accepted.
        await console.Locator("#versions tr[data-version='1'] button.revert").FocusAsync();
        await console.Keyboard.PressAsync("Enter");
        await console.Locator("#status", new() { HasText = "Različica 1 je povrnjena in objavljena" }).WaitForAsync(new() { Timeout = Patient });
        Assert.Contains(oldFee, await details.InputValueAsync(), StringComparison.Ordinal);
        Assert.Contains("povrnitev", await console.Locator("#versions tr[data-version='3']").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-reverted-sl.png"), FullPage = true });

        // A new conversation, so the only fee it can show is the one answered after the revert.
        await AskForFeeDetailsAsync(session, oldFee, "knowledge-revert-after-sl.png");
    }

    [Fact]
    public async Task An_editor_adds_a_topic_retires_it_publishes_and_the_web_chat_no_longer_answers_it()
    {
        await using var session = await EditorSession.StartAsync("Mojca", "sl,en,sq,hbs,ar");
        var console = session.Console;
        console.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await console.GotoAsync(session.Url("/console/knowledge"));
        await console.Locator("#new-topic-form").WaitForAsync(new() { Timeout = Patient });

        // Added on the page, with the keyboard.
        await console.Locator("#new-topic-id").FocusAsync();
        await console.Keyboard.TypeAsync(ChessClubTopic.Id);
        await console.Locator("#new-topic-category").SelectOptionAsync(ChessClubTopic.Category);
        await console.Locator("#new-topic-source").FillAsync(ChessClubTopic.Source);
        await console.Locator("#new-topic-source").PressAsync("Enter");
        await console.Locator("#edit-title", new() { HasText = ChessClubTopic.Id }).WaitForAsync(new() { Timeout = Patient });
        await console.Locator("#retired-note", new() { HasText = "Ni objavljena" }).WaitForAsync(new() { Timeout = Patient });
        Assert.Equal(ChessClubTopic.Category, await console.Locator("#settings-category").InputValueAsync());
        await Axe.AssertNoViolationsAsync(console);

        // Its five languages are long to type: they go in through the page's own API calls (same cookie and XSRF).
        foreach (var language in Language.All)
        {
            await console.EvaluateAsync(
                "([id, lang, body]) => api('PUT', `/api/knowledge/topics/${id}/languages/${lang}`, body)",
                new object[] { ChessClubTopic.Id, language, ChessClubTopic.Language(language) });
        }

        await session.OpenTopicAsync(ChessClubTopic.Id);
        await console.Locator("#publish").ClickAsync();
        await console.Locator("#status", new() { HasText = "Objavljena različica 6" }).WaitForAsync(new() { Timeout = Patient });
        var before = await session.OpenWebChatAsync("en");
        await AskAsync(before, ChessClubTopic.EnglishQuestion);
        await BotSaysAsync(before, ChessClubTopic.EnglishAnswerStart);

        await console.Locator("#retire").FocusAsync();
        await console.Keyboard.PressAsync("Enter");
        await console.Locator("#status", new() { HasText = "Umik teme chess-club je shranjen kot različica 7" }).WaitForAsync(new() { Timeout = Patient });
        Assert.Contains("bot z njo odgovarja, dokler", await console.Locator("#retired-note").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await console.Locator("#restore").IsVisibleAsync());
        await console.Locator("#versions tr[data-version='7'] button.show-diff").ClickAsync();
        await console.Locator("#diff ins", new() { HasText = "+ umaknjena" }).WaitForAsync(new() { Timeout = Patient });
        await console.Locator("#publish").ClickAsync();
        await console.Locator("#status", new() { HasText = "Objavljena različica 7" }).WaitForAsync(new() { Timeout = Patient });
        await console.Locator("#retired-note", new() { HasText = "Umaknjena" }).WaitForAsync(new() { Timeout = Patient });
        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-retired-sl.png"), FullPage = true });

        var after = await session.OpenWebChatAsync("en");
        await AskAsync(after, ChessClubTopic.EnglishQuestion);
        await BotSaysAsync(after, Strings.Get("en", "none.message")[..40]);
        Assert.Equal(0, await after.Locator(".webchat__bubble", new() { HasText = ChessClubTopic.EnglishAnswerStart }).CountAsync());
        await after.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-retired-webchat-en.png") });

        await console.Locator("#back").ClickAsync();
        var row = console.Locator($"#browse-body tr[data-topic={ChessClubTopic.Id}]");
        await row.WaitForAsync(new() { Timeout = Patient });
        Assert.Contains("umaknjena", await row.Locator("td").First.InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-browse-retired-sl.png"), FullPage = true });
    }

    [Fact]
    public async Task An_editor_changes_sources_and_flags_and_sees_kb_checks_words_for_a_source_that_is_not_https()
    {
        await using var session = await EditorSession.StartAsync("Ana", "sq");
        var console = session.Console;
        await session.OpenTopicAsync("leisure-culture");
        var sources = console.Locator("#settings-sources");
        await sources.WaitForAsync(new() { Timeout = Patient });
        var shipped = await sources.InputValueAsync();
        Assert.StartsWith("https://", shipped, StringComparison.Ordinal);

        await sources.FillAsync(shipped + "\nhttp://example.si/");
        await console.Locator("#settings-form button[type=submit]").FocusAsync();
        await console.Keyboard.PressAsync("Enter");
        await console.Locator("#settings-problems li", new() { HasText = "'http://example.si/' is not an https URL" }).WaitForAsync(new() { Timeout = Patient });
        await Axe.AssertNoViolationsAsync(console);

        await sources.FillAsync(shipped + "\nhttps://www.postojna.si/prosti-cas/");
        await console.Locator("#flag-sensitive").FocusAsync();
        await console.Keyboard.PressAsync("Space");
        await console.Locator("#settings-form button[type=submit]").ClickAsync();
        await console.Locator("#status", new() { HasText = "Nastavitve so shranjene kot različica 2" }).WaitForAsync(new() { Timeout = Patient });
        Assert.Equal(0, await console.Locator("#settings-problems li").CountAsync());
        Assert.True(await console.Locator("#flag-sensitive").IsCheckedAsync());
        Assert.Contains("nastavitve", await console.Locator("#versions tr[data-version='2']").InnerTextAsync(), StringComparison.Ordinal);
        await console.Locator("#sources li", new() { HasText = "https://www.postojna.si/prosti-cas/" }).WaitForAsync(new() { Timeout = Patient });
        await console.Locator("#versions tr[data-version='2'] button.show-diff").ClickAsync();
        await console.Locator("#diff ins", new() { HasText = "+ https://www.postojna.si/prosti-cas/" }).WaitForAsync(new() { Timeout = Patient });
        await console.Locator("#diff ins", new() { HasText = "+ sensitive" }).WaitForAsync(new() { Timeout = Patient });
        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-settings-sl.png"), FullPage = true });
    }

    private static ILocator Legend(IPage console, string language) => console.Locator($"fieldset[data-language={language}] legend");

    private static async Task AskForFeeDetailsAsync(EditorSession session, string fee, string screenshot)
    {
        var user = await session.OpenWebChatAsync("sl");
        await AskAsync(user, "Ali lahko vozim s tujim vozniškim dovoljenjem?");
        var more = user.Locator(".webchat__suggested-action", new() { HasText = Strings.Get("sl", "answer.moreDetails") }).First;
        await more.WaitForAsync(new() { Timeout = Patient });
        await more.ClickAsync();
        await BotSaysAsync(user, fee);
        await user.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = fee }).First.ScrollIntoViewIfNeededAsync();
        await user.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, screenshot) });
        await user.CloseAsync();
    }

    private static Task BotSaysAsync(IPage page, string text) =>
        page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = text }).First.WaitForAsync(new() { Timeout = Patient });

    private static async Task AskAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id=webchat-sendbox-input]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }
}
