using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationBot.Flows.Plan;

/// <summary>
/// Reads the arrival date: a typed date (20.11.2026, 20. 11. 2026., 20/11/26, 20-11-2026, 2026-11-20, 20.11.) in any
/// script's digits (Arabic ٢٠/١١/٢٠٢٦, Persian ۲۰/۱۱/۲۰۲۶), or a button.
/// </summary>
public static partial class ArrivalReader
{
    // "When did you arrive (or when will you)": a date further ahead than this is a mistyped year (2062 for 2026).
    private const int MaxDaysAhead = 366;

    // A day and month without a year is the nearest such day: "20.12." typed in January is the last December.
    private const int MaxDaysAheadWithoutYear = 183;

    /// <summary>The typed date, or null when the text is not one (or not a real day, or years ahead).</summary>
    public static DateOnly? Read(string text, DateOnly today)
    {
        var typed = AsciiDigits(text).Trim();
        var iso = IsoDate().Match(typed);
        if (iso.Success)
        {
            return Plausible(Make(Number(iso, "y"), Number(iso, "m"), Number(iso, "d")), today);
        }

        var local = LocalDate().Match(typed);
        if (!local.Success)
        {
            return null;
        }

        if (local.Groups["y"].Success)
        {
            var year = Number(local, "y");
            return Plausible(Make(year < 100 ? 2000 + year : year, Number(local, "m"), Number(local, "d")), today);
        }

        var date = Make(today.Year, Number(local, "m"), Number(local, "d"));
        return date is { } day && day.DayNumber - today.DayNumber > MaxDaysAheadWithoutYear
            ? Make(today.Year - 1, day.Month, day.Day)
            : date;
    }

    /// <summary>The day a button stands for, counted back from today.</summary>
    public static DateOnly? FromChoice(string value, DateOnly today) => value switch
    {
        "today" => today,
        "yesterday" => today.AddDays(-1),
        "week" => today.AddDays(-7),
        "twoWeeks" => today.AddDays(-14),
        _ => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
    };

    // Digits of any script as ASCII: the patterns match ASCII digits only, and int.Parse reads nothing else.
    private static string AsciiDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            builder.Append(digit >= 0 ? (char)('0' + digit) : c);
        }

        return builder.ToString();
    }

    private static DateOnly? Plausible(DateOnly? date, DateOnly today) =>
        date is { } day && day.DayNumber - today.DayNumber <= MaxDaysAhead ? day : null;

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    [GeneratedRegex(@"^(?<y>[0-9]{4})\s*[-/.]\s*(?<m>[0-9]{1,2})\s*[-/.]\s*(?<d>[0-9]{1,2})\s*\.?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s*[./-]\s*(?<m>[0-9]{1,2})\s*[./-]?\s*(?<y>[0-9]{2}|[0-9]{4})?\s*\.?$")]
    private static partial Regex LocalDate();
}
