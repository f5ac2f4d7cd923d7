using System.Globalization;

namespace IntegrationBot.Handoff.Office;

/// <summary>When counselors are in: weekly schedule and public holidays in the office's time zone (DST handled by TimeZoneInfo).</summary>
public sealed class OfficeHours
{
    private static readonly string[] DayKeys = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private readonly Dictionary<DayOfWeek, IReadOnlyList<(TimeOnly Open, TimeOnly Close)>> _schedule = [];
    private readonly HashSet<DateOnly> _holidays = [];

    public OfficeHours(OfficeOptions options)
    {
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        foreach (var (key, value) in options.Schedule)
        {
            var index = Array.FindIndex(DayKeys, d => d.Equals(key, StringComparison.OrdinalIgnoreCase) || key.StartsWith(d, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new FormatException($"Schedule:{key} is not a day; use Mon..Sun.");
            }

            try
            {
                _schedule[(DayOfWeek)index] = ParseRanges(value);
            }
            catch (FormatException e)
            {
                // Name the day: "String '9' was not recognized as a valid TimeOnly" left the operator to find it.
                throw new FormatException($"Schedule:{key} '{value}' is not opening hours; write 08:00-15:00 (or 08:00-12:00,13:00-15:00).", e);
            }
        }

        foreach (var holiday in options.Holidays)
        {
            _holidays.Add(DateOnly.TryParseExact(holiday, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new FormatException($"Holidays '{holiday}' is not a date; write 2026-12-25."));
        }
    }

    public TimeZoneInfo TimeZone { get; }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    public bool IsOpen(DateTimeOffset now) => OpenIntervals(LocalDate(now)).Any(i => i.Start <= now && now < i.End);

    /// <summary>The next moment the office opens after <paramref name="now"/> (now itself if open); null if it never opens within a year.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now)
    {
        var date = LocalDate(now);
        for (var day = 0; day < 370; day++)
        {
            foreach (var (start, end) in OpenIntervals(date.AddDays(day)))
            {
                if (start <= now && now < end)
                {
                    return now;
                }

                if (start > now)
                {
                    return start;
                }
            }
        }

        return null;
    }

    /// <summary>How long the office was open between two instants; unclaimed timeouts count only this time.</summary>
    public TimeSpan OpenTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var date = LocalDate(from); date <= LocalDate(to); date = date.AddDays(1))
        {
            foreach (var (start, end) in OpenIntervals(date))
            {
                var overlap = (end < to ? end : to) - (start > from ? start : from);
                if (overlap > TimeSpan.Zero)
                {
                    total += overlap;
                }
            }
        }

        return total;
    }

    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> OpenIntervals(DateOnly date)
    {
        if (_holidays.Contains(date) || !_schedule.TryGetValue(date.DayOfWeek, out var ranges))
        {
            yield break;
        }

        foreach (var (open, close) in ranges)
        {
            yield return (ToInstant(date, open), ToInstant(date, close));
        }
    }

    private DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    private static List<(TimeOnly, TimeOnly)> ParseRanges(string value)
    {
        var ranges = new List<(TimeOnly, TimeOnly)>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            var open = bounds.Length == 2 ? TimeOnly.ParseExact(bounds[0], "HH:mm", CultureInfo.InvariantCulture) : throw new FormatException($"Bad office hours '{part}'; use HH:mm-HH:mm.");
            var close = TimeOnly.ParseExact(bounds[1], "HH:mm", CultureInfo.InvariantCulture);
            ranges.Add(close > open ? (open, close) : throw new FormatException($"Office hours '{part}' close before they open."));
        }

        return ranges;
    }
}
