using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// An Arabic reader makes a plan on a phone (390×844), names her country instead of tapping a group, and asks for a
/// person in the middle while the office is closed. Found on this walk (Telegram, a Sunday): "سوريا" was not understood;
/// the office's opening said "يوم الاثنين 2026-12-07 08:00"; and /plan afterwards began again at 1/5.
/// </summary>
public sealed partial class PlanAfterCounselorJourneyTests
{
    // Where each fragment of the newest bot bubble containing `start` is drawn (left and right edges), and its direction.
    private const string Layout = """
        ([start, fragments]) => {
          const bubble = [...document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)')].filter(b => b.textContent.includes(start)).pop();
          const root = bubble.querySelector('.webchat__text-content');
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          const at = (fragment) => {
            walker.currentNode = root;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const i = node.data.indexOf(fragment);
              if (i >= 0) {
                const r = document.createRange();
                r.setStart(node, i);
                r.setEnd(node, i + fragment.length);
                const b = r.getBoundingClientRect();
                return { left: b.left, right: b.right, top: b.top };
              }
            }
            return null;
          };
          return { direction: getComputedStyle(root.querySelector('p') || root).direction, text: root.textContent, at: fragments.map(at) };
        }
        """;

    [Fact]
    public async Task In_Arabic_a_country_is_read_the_opening_reads_right_to_left_and_the_answers_wait_for_plan()
    {
        Requirements.Chromium();
        var ljubljana = TimeZoneInfo.FindSystemTimeZoneById("Europe/Ljubljana");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ljubljana).DateTime);

        // Today a holiday: the office is closed whatever the hour the test runs, and the reply says when it opens.
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["IntegrationBot__Office__Holidays__0"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        await using var browser = await BrowserSession.StartAsync();
        var chat = await browser.OpenAsync(new Uri(host.BaseAddress, "/?lang=ar"), "plan-after-counselor-arabic");
        await chat.AcceptPrivacyAsync("ar");

        await chat.PressAsync(Strings.Get("ar", "plan.menuButton"));
        await chat.BotSaysAsync("من أين أنت؟");
        await chat.SayAsync("سوريا");
        await chat.BotSaysAsync("سجّلتُ: بلد آخر");
        await chat.SayAsync("عمل");
        await chat.BotSaysAsync("متى وصلت");

        await chat.SayAsync("أريد التحدث مع شخص");
        await chat.BotSaysAsync("واحتفظتُ بإجاباتك");
        await chat.BotSaysAsync("المكتب مغلق الآن");
        await chat.ShotAsync("closed-office");
        await chat.Page.ScreenshotAsync(new() { Path = "/tmp/plan-arabic-closed-office.png" });

        var closed = await chat.Page.EvaluateAsync<JsonElement>(Layout, new object[] { "المكتب مغلق الآن", new object[] { "الساعة" } });
        var text = closed.GetProperty("text").GetString()!;
        Assert.DoesNotMatch(IsoDate(), text);
        var opening = OpeningInArabic().Match(text);
        Assert.True(opening.Success, text);
        var layout = await chat.Page.EvaluateAsync<JsonElement>(Layout, new object[]
        {
            "المكتب مغلق الآن",
            new object[] { opening.Groups["day"].Value, opening.Groups["date"].Value, "الساعة", opening.Groups["time"].Value },
        });
        Assert.Equal("rtl", layout.GetProperty("direction").GetString());
        var (day, date, at, time) = (Box(layout, 0), Box(layout, 1), Box(layout, 2), Box(layout, 3));

        // Read from the right: the day's name, the date, "at", the time (on one line, or the next line down).
        Assert.True(date.Top > day.Top || date.Right <= day.Left, $"date {date} after day {day}");
        Assert.True(at.Top > date.Top || at.Right <= date.Left, $"'at' {at} after the date {date}");
        Assert.True(time.Top > at.Top || time.Right <= at.Left, $"time {time} after 'at' {at}");

        await chat.SayAsync("/plan");
        await chat.BotSaysAsync("إجاباتك حتى الآن: بلد آخر، العمل.");
        await chat.BotSaysAsync("3/5");
        await chat.ShotAsync("answers-kept");
        await chat.Page.ScreenshotAsync(new() { Path = "/tmp/plan-arabic-answers-kept.png" });
    }

    private static (double Left, double Right, double Top) Box(JsonElement layout, int index)
    {
        var box = layout.GetProperty("at")[index];
        Assert.Equal(JsonValueKind.Object, box.ValueKind);
        return (box.GetProperty("left").GetDouble(), box.GetProperty("right").GetDouble(), Math.Round(box.GetProperty("top").GetDouble()));
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"يوم (?<day>\S+) \u2066?(?<date>\d{2}\.\d{2}\.\d{4})\u2069? الساعة \u2066?(?<time>\d{2}:\d{2})")]
    private static partial Regex OpeningInArabic();
}
