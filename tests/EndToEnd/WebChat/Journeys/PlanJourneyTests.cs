using System.Globalization;
using System.Text.Json;
using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// "My first steps" (/plan) walked in the web chat on a phone (390×844) as people answer: no diacritics, a typo, a date
/// in their own way of writing it, a changed mind, /delete in the middle, a reload. Found on these walks: an arrival
/// date in Arabic digits got no reply at all; "عمل" (without the button's article) and "20-11-2026" were not
/// understood; "familje" typed at the next question did not change the answer; "No, keep" after /delete ended the
/// questions silently.
/// </summary>
public sealed class PlanJourneyTests
{
    // Where fragments of a bot bubble are drawn: each [fragment, from, length] is the range of `length` characters from
    // `from` in the first text node holding `fragment`; and the computed direction of the bubble's text.
    private const string Layout = """
        ([start, fragments]) => {
          const bubble = [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)')].filter(b => b.textContent.includes(start)).pop();
          const root = bubble.querySelector('.webchat__text-content');
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          const at = ([fragment, from, length]) => {
            walker.currentNode = root;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const i = node.data.indexOf(fragment);
              if (i >= 0) {
                const r = document.createRange();
                r.setStart(node, i + from);
                r.setEnd(node, i + from + length);
                const b = r.getBoundingClientRect();
                return { left: b.left, right: b.right };
              }
            }
            return null;
          };
          return { direction: getComputedStyle(root.querySelector('p') || root).direction, at: fragments.map(at) };
        }
        """;

    private static DateOnly Today =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Ljubljana")).DateTime);

    [Fact]
    public async Task In_Arabic_a_date_in_Arabic_digits_and_a_word_without_its_article_make_a_plan_that_reads_right_to_left()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=ar"), "plan-arabic");
        await chat.AcceptPrivacyAsync("ar");

        await chat.PressAsync(Strings.Get("ar", "plan.menuButton"));
        await chat.BotSaysAsync("من أين أنت؟");
        await chat.SayAsync("غرب البلقان");
        await chat.BotSaysAsync("لماذا جئت إلى سلوفينيا؟");
        await chat.SayAsync("عمل");
        await chat.BotSaysAsync("متى وصلت");
        var arrival = Today.AddDays(-3);
        await chat.SayAsync(ArabicDigits(arrival.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
        await chat.BotSaysAsync("هل معك أطفال؟");
        await chat.ShotAsync("date-in-arabic-digits");
        await chat.SayAsync("لا أطفال");
        await chat.BotSaysAsync("ما الذي لديك بالفعل؟");
        await chat.SayAsync("لا شيء من هذه");
        var checklist = Strings.Get("ar", "plan.checklist");
        await chat.BotSaysAsync(checklist);
        await chat.BotSaysAsync("الآن: التصريح الموحّد للإقامة والعمل");
        await chat.ShotAsync("plan");

        var deadline = arrival.AddDays(8).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var layout = await chat.Page.EvaluateAsync<JsonElement>(Layout, new object[]
        {
            checklist,
            new object[]
            {
                new object[] { deadline, 0, 2 },                 // the day
                new object[] { deadline, 6, 4 },                 // the year
                new object[] { "المهلة", 0, 6 },                 // "deadline"
                new object[] { "⬅️", 0, 1 },                     // the current step's arrow
                new object[] { "التصريح الموحّد", 0, 7 },        // the current step's title
            },
        });
        var at = layout.GetProperty("at").EnumerateArray().Select(r => (Left: r.GetProperty("left").GetDouble(), Right: r.GetProperty("right").GetDouble())).ToList();
        Assert.Equal("rtl", layout.GetProperty("direction").GetString());
        Assert.True(at[0].Left < at[1].Left, $"the date {deadline} reads right to left: day at {at[0].Left}, year at {at[1].Left}");
        Assert.True(at[1].Right <= at[2].Left, $"the date ({at[1].Right}) is not after 'المهلة' ({at[2].Left}), to its left");
        Assert.True(at[3].Left > at[4].Right, $"the arrow ({at[3].Left}) is not at the start of its line, right of the title ({at[4].Right})");

        // The buttons follow the reading direction: "Done ✓" first, at the right.
        var buttons = chat.Page.Locator(".webchat__suggested-action");
        await buttons.Filter(new() { HasText = Strings.Get("ar", "plan.doneButton") }).First.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        var done = await buttons.Nth(0).BoundingBoxAsync();
        var more = await buttons.Nth(1).BoundingBoxAsync();
        Assert.Contains(Strings.Get("ar", "plan.doneButton"), await buttons.Nth(0).InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(done!.X > more!.X, $"'Done ✓' at {done.X} is left of the next button at {more.X}");
    }

    [Fact]
    public async Task In_Arabic_asking_where_to_begin_starts_the_first_steps_questions_right_to_left()
    {
        // a489ad6 was tested in-process only: the newcomer's first question in the real page, with its buttons.
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=ar"), "first-steps-question");
        await chat.AcceptPrivacyAsync("ar");

        await chat.SayAsync("وصلت للتو، ماذا أفعل أولاً؟");
        // The question's text without its "1/5", which the page wraps in direction marks.
        await chat.BotSaysAsync("من أين أنت؟");
        await chat.ShotAsync("first-steps-question");

        var question = chat.BotBubbles.Filter(new() { HasText = "من أين أنت؟" }).Last;
        Assert.Equal("rtl", await question.EvaluateAsync<string>("b => getComputedStyle(b.querySelector('.webchat__text-content p') || b).direction"));
        await chat.PressAsync("غرب البلقان");
        await chat.BotSaysAsync("لماذا جئت إلى سلوفينيا؟");
    }

    [Fact]
    public async Task In_Albanian_a_changed_mind_a_date_with_dashes_and_a_reload_in_the_middle_make_the_right_plan()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=sq"), "plan-albanian");
        await chat.AcceptPrivacyAsync("sq");

        await chat.SayAsync("/plan");
        await chat.BotSaysAsync("1/5 Nga vini?");
        await chat.SayAsync("ballkani perendimor");
        await chat.BotSaysAsync("2/5 Pse erdhët");
        await chat.SayAsync("punne");
        await chat.BotSaysAsync("3/5 Kur arritët");
        await chat.SayAsync("familje");
        await chat.BotSaysAsync("U ndryshua: Familje");
        await chat.ShotAsync("changed-mind");
        await chat.SayAsync(Today.AddDays(-2).ToString("d-M-yyyy", CultureInfo.InvariantCulture));
        await chat.BotSaysAsync("4/5 A keni fëmijë");

        await chat.Page.ReloadAsync();
        await chat.ShowsAsync("4/5 A keni fëmijë");
        await chat.ShotAsync("after-reload");
        await chat.PressAsync("Pa fëmijë");
        await chat.BotSaysAsync("5/5 Çfarë keni");
        await chat.SayAsync("asnje");
        await chat.BotSaysAsync("Hapat tuaj të parë:");
        await chat.ShotAsync("plan");

        var plan = await chat.BotBubbles.Filter(new() { HasText = "Hapat tuaj të parë:" }).Last.InnerTextAsync();
        Assert.Contains("Leja e qëndrimit të përkohshëm", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Leja e unifikuar", plan, StringComparison.Ordinal);
        Assert.Contains("Regjistroni adresën – afati " + Today.AddDays(6).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Cyrillic_delete_declined_goes_back_to_the_question_and_the_plan_keeps_Latin_names()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=hbs-Cyrl"), "plan-cyrillic");
        await chat.PressAsync("Прихватам");
        await chat.BotSaysAsync("Хвала. Питајте");

        await chat.SayAsync("/plan");
        await chat.BotSaysAsync("1/5 Одакле долазите?");
        await chat.SayAsync("/delete");
        await chat.PressAsync("Не, задржи");
        await chat.BotSaysAsync("Ништа није избрисано.");
        await chat.UntilAsync("() => [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)')].filter(b => b.textContent.includes('1/5 Одакле долазите?')).length === 2");
        await chat.ShotAsync("delete-declined");
        await chat.SayAsync("zapadni balkan");
        await chat.BotSaysAsync("2/5 Зашто сте дошли");
        await chat.SayAsync("прескочи");
        await chat.BotSaysAsync("3/5 Када сте стигли");
        await chat.SayAsync("данас");
        await chat.BotSaysAsync("4/5 Јесу ли дјеца");
        await chat.SayAsync("без дјеце");
        await chat.BotSaysAsync("5/5 Шта већ имате?");
        await chat.SayAsync("ништа од тога");
        await chat.BotSaysAsync("Ваши први кораци:");
        foreach (var next in new[] { "Сада: Порезни број", "Сада: Здравствено осигурање", "Сада: Изаберите личног љекара" })
        {
            await chat.SayAsync("урађено");
            await chat.BotSaysAsync(next);
        }

        await chat.ShotAsync("doctor-step");
        var doctor = await chat.BotBubbles.Filter(new() { HasText = "Сада: Изаберите личног љекара" }).Last.InnerTextAsync();
        Assert.Contains("Zdravstveni dom dr. Franca Ambrožiča Postojna", doctor, StringComparison.Ordinal);
        Assert.Contains("Prečna 2, 6230 Postojna", doctor, StringComparison.Ordinal);
        Assert.Contains("Izjava o izbiri", doctor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_in_the_middle_of_a_conversation_brings_the_history_back_without_the_checklist_again()
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=en"), "plan-reload");
        await chat.AcceptPrivacyAsync("en");
        await chat.PressAsync(Strings.Get("en", "plan.menuButton"));
        await chat.PressAsync(Strings.Get("en", "plan.origin.western-balkans"));
        await chat.PressAsync(Strings.Get("en", "plan.purpose.work"));
        await chat.PressAsync(Strings.Get("en", "plan.arrival.today"));
        await chat.PressAsync(Strings.Get("en", "plan.children.none"));
        await chat.PressAsync(Strings.Get("en", "plan.has.none"));
        var checklist = Strings.Get("en", "plan.checklist");
        await chat.BotSaysAsync(checklist);
        var checklists = chat.BotBubbles.Filter(new() { HasText = checklist });
        var shown = await checklists.CountAsync();

        // A reload a moment later (a phone that dropped the page, a finger on refresh): the history comes back, and the
        // question asked next is answered below it. The page's join comes before the question, so a checklist it
        // brought would stand before the answer (it did, at every reload; ShowOnReturnAfter is an hour).
        await chat.Page.ReloadAsync();
        await chat.ShowsAsync(checklist);
        var answers = chat.BotBubbles.Filter(new() { HasText = "form DR-02" });
        var answered = await answers.CountAsync();
        await chat.SayAsync("how do I get a tax number");
        await answers.Nth(answered).WaitForAsync(new() { Timeout = ChatPage.Timeout });
        await chat.ShotAsync("after-reload-answer");
        Assert.Equal(shown, await checklists.CountAsync());
    }

    private static string ArabicDigits(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('\u0660' + (c - '0')) : c));
}
