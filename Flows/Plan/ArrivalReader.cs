using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrationBot.Flows.Plan;

/// <summary>Reads the arrival date: a typed date (20.11.2026, 20. 11. 2026, 20/11/2026, 2026-11-20, 20.11.) or a button.</summary>
public static partial class ArrivalReader
{
    /// <summary>The typed date, or null when the text is not one (or not a real day).</summary>
    public static DateOnly? Read(string text, DateOnly today)
    {
        var iso = IsoDate().Match(text.Trim());
        if (iso.Success)
        {
            return Make(Number(iso, "y"), Number(iso, "m"), Number(iso, "d"));
        }

        var local = LocalDate().Match(text.Trim());
        if (!local.Success)
        {
            return null;
        }

        var year = local.Groups["y"].Success ? Number(local, "y") : today.Year;
        return Make(year < 100 ? 2000 + year : year, Number(local, "m"), Number(local, "d"));
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

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s*[./]\s*(?<m>\d{1,2})\s*[./]?\s*(?<y>\d{2}|\d{4})?\s*\.?$")]
    private static partial Regex LocalDate();
}
