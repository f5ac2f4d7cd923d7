using System.Globalization;
using System.Text.RegularExpressions;
using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.WebChat.Journeys;

/// <summary>
/// A message's time is written as the language writes it: the Slovenian widget said "5:07 dop." (Web Chat asks every
/// language for a 12-hour time), where Slovenian, Bosnian/Croatian/Serbian and Albanian use the 24-hour clock.
/// </summary>
public sealed partial class MessageTimeJourneyTests
{
    private static readonly TimeZoneInfo Ljubljana = TimeZoneInfo.FindSystemTimeZoneById("Europe/Ljubljana");

    [Theory]
    [InlineData("sl")]
    [InlineData("hbs-Latn")]
    [InlineData("hbs-Cyrl")]
    [InlineData("sq")]
    public async Task The_time_a_message_was_sent_is_on_the_24_hour_clock(string language)
    {
        Requirements.Chromium();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, TimezoneId = "Europe/Ljubljana" });
        page.SetDefaultTimeout(90_000); // every step waits for its condition, up to 90 s on a busy machine
        var chat = new ChatPage(page, "message-time-" + language);
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await page.GotoAsync(new Uri(host.BaseAddress, "/?lang=" + language).ToString());

        // The time a screen reader gets with each message ("Poslano: 6. december ob 17:07").
        var status = page.Locator(".webchat__activity-status").Filter(new() { HasTextRegex = Time() }).First;
        await status.WaitForAsync(new() { Timeout = ChatPage.Timeout });
        var text = await status.TextContentAsync() ?? "";
        var after = DateTimeOffset.UtcNow.AddMinutes(1);
        await chat.ShotAsync("first-message");

        Assert.DoesNotMatch(DayPeriod(), text);
        // 24-hour with or without a leading zero (17:07, 06:35).
        var shown = TimeOnly.Parse(Time().Match(text).Value, CultureInfo.InvariantCulture).ToString("H:mm", CultureInfo.InvariantCulture);
        var expected = Minutes(before, after).Select(t => TimeZoneInfo.ConvertTime(t, Ljubljana).ToString("H:mm", CultureInfo.InvariantCulture)).ToList();
        Assert.True(expected.Contains(shown), $"'{text}': {shown} is none of {string.Join(", ", expected)}");
    }

    private static IEnumerable<DateTimeOffset> Minutes(DateTimeOffset from, DateTimeOffset to)
    {
        for (var t = from; t <= to; t = t.AddMinutes(1))
        {
            yield return t;
        }
    }

    [GeneratedRegex(@"\d{1,2}:\d{2}")]
    private static partial Regex Time();

    // Morning and afternoon markers of a 12-hour time: sl "dop."/"pop.", English, Albanian "e paradites"/"e pasdites".
    [GeneratedRegex(@"\b(dop|pop|AM|PM|prije podne|poslije podne|пре подне|по подне|paradites|pasdites)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayPeriod();
}
