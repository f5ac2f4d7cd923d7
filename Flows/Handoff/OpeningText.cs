using System.Globalization;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Handoff;

/// <summary>When the office opens next, as the person reads it: in the office's time zone and the person's language.</summary>
public static class OpeningText
{
    /// <summary>
    /// The opening time in the person's language; Arabic uses the Gregorian calendar and Western digits, as Slovenia does
    /// and as the rest of the Arabic text (the plan's "20.11.2026"), after the day's name, "يوم الاثنين" ("on Monday": the
    /// strings say "في {opening}"; a bare date left the reader to work out that it is Monday), then "الساعة" (at) and the
    /// time. The date in numbers, not by month name: Arabic readers name the months differently (ديسمبر, كانون الأول), and
    /// never "2026-12-07", which reads as a code.
    /// </summary>
    public static string Format(DateTimeOffset opening, OfficeHours office, string language)
    {
        var local = TimeZoneInfo.ConvertTime(opening, office.TimeZone);
        var culture = CultureInfo.GetCultureInfo(language switch
        {
            Language.Slovenian => "sl-SI",
            Language.Albanian => "sq-AL",
            Language.Bcs => "hr-HR",
            _ => "en-GB",
        });
        return language switch
        {
            Language.Arabic => "يوم " + DayNames.Of(local.DayOfWeek, language) + " " + local.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
                + " الساعة " + local.ToString("HH:mm", CultureInfo.InvariantCulture),
            // "7. 12. 2026" is how Slovenia writes a date; an English reader from elsewhere may read 12 July: the month by name.
            Language.English => local.ToString("dddd d MMMM yyyy, HH:mm", culture),
            _ => local.ToString("dddd d. M. yyyy, HH:mm", culture),
        };
    }
}
