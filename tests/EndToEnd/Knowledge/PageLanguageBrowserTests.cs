using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Knowledge;

/// <summary>
/// The knowledge pages speak the editor's language, any of the five, in real Chromium at 1280x800: a mediator picks
/// Arabic and the page reads right-to-left while each language's answer keeps its own direction; the choice survives a
/// reload; a browser in Bosnian, Croatian, Serbian, Albanian or Arabic opens the page in its language.
/// </summary>
public sealed class PageLanguageBrowserTests
{
    private const int Patient = 90_000;

    [Fact]
    public async Task An_arabic_page_reads_right_to_left_while_the_slovenian_answer_stays_left_to_right()
    {
        await using var session = await EditorSession.StartAsync("Leila", "ar,sl");
        var console = session.Console;
        await console.SetViewportSizeAsync(1280, 800);
        await console.GotoAsync(session.Url("/console/knowledge"));
        await console.Locator("#browse-body tr[data-topic=driving-licence]").WaitForAsync(new() { Timeout = Patient });
        Assert.Equal("ltr", await PageDirectionAsync(console));

        await console.Locator("#ui-language").SelectOptionAsync("ar");
        await console.Locator("html[lang=ar][dir=rtl]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patient });
        await console.Locator("#browse-view h2", new() { HasText = "المواضيع" }).WaitForAsync(new() { Timeout = Patient });
        Assert.Equal("rtl", await PageDirectionAsync(console));
        Assert.Equal("إضافة موضوع", await console.Locator("#new-topic-heading").InnerTextAsync());
        Assert.Equal("دليل المؤسسات المحلية", await console.Locator("#directory-heading").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-browse-ar.png"), FullPage = true });

        await console.Locator("#browse-body tr[data-topic=driving-licence]").GetByRole(AriaRole.Button, new() { Name = "تحرير driving-licence" }).ClickAsync();
        var sl = console.Locator("fieldset[data-language=sl]");
        var ar = console.Locator("fieldset[data-language=ar]");
        await ar.Locator("button.save").WaitForAsync(new() { Timeout = Patient });
        Assert.Equal("الإجابة", await sl.Locator("label", new() { Has = console.Locator("textarea[name=answer]") }).Locator("span").InnerTextAsync());
        Assert.Equal("ltr", await sl.Locator("textarea[name=answer]").GetAttributeAsync("dir"));
        Assert.Equal("ltr", await DirectionAsync(sl.Locator("textarea[name=answer]")));
        Assert.Equal("rtl", await ar.Locator("textarea[name=answer]").GetAttributeAsync("dir"));
        Assert.Equal("rtl", await DirectionAsync(ar.Locator("textarea[name=answer]")));
        Assert.Equal("rtl", await DirectionAsync(console.Locator("#settings-heading")));
        await Axe.AssertNoViolationsAsync(console);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "knowledge-edit-ar.png"), FullPage = true });

        // The choice is kept by this browser: a reload (or the next visit) opens the page in Arabic again.
        await console.ReloadAsync();
        await console.Locator("#browse-view:not([hidden])").WaitForAsync(new() { Timeout = Patient });
        Assert.Equal("ar", await console.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("rtl", await console.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("ar", await console.Locator("#ui-language").InputValueAsync());
        Assert.Equal("المواضيع", await console.Locator("#browse-view h2").First.InnerTextAsync());
    }

    [Fact]
    public async Task The_page_opens_in_the_browsers_language_when_it_is_one_of_the_five()
    {
        await using var session = await EditorSession.StartAsync("Leila", "ar");
        foreach (var (locale, language, lang, label) in new[]
        {
            ("hr-HR", "hbs", "bs", "Jezik ove stranice"),
            ("bs-BA", "hbs", "bs", "Jezik ove stranice"),
            ("sr-Latn-RS", "hbs", "bs", "Jezik ove stranice"),
            ("sq-AL", "sq", "sq", "Gjuha e kësaj faqeje"),
            ("ar-EG", "ar", "ar", "لغة هذه الصفحة"),
            ("sl-SI", "sl", "sl", "Jezik te strani"),
            ("de-DE", "en", "en", "Language of this page"),
        })
        {
            // A fresh browser context: nothing chosen before, not logged in (the sign-in view is in the page's language too).
            await using var context = await session.Browser.NewContextAsync(new() { Locale = locale, ViewportSize = new() { Width = 1280, Height = 800 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(session.Url("/console/knowledge"));
            await page.Locator("#signin-view:not([hidden])").WaitForAsync(new() { Timeout = Patient });
            Assert.Equal(language, await page.Locator("#ui-language").InputValueAsync());
            Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Equal(label, await page.Locator("[data-t=uiLanguage]").InnerTextAsync());
            Assert.Equal(language == "ar" ? "rtl" : "ltr", await PageDirectionAsync(page));
        }
    }

    private static Task<string> PageDirectionAsync(IPage page) => page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction");

    private static Task<string> DirectionAsync(ILocator locator) => locator.EvaluateAsync<string>("element => getComputedStyle(element).direction");
}
