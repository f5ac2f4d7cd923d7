using IntegrationBot.Handoff.Office;

namespace IntegrationBot.Handoff.Dashboard;

/// <summary>One topic's totals over a window of days: questions answered with it, 👍 and 👎.</summary>
public sealed record TopicUsage(int Asked, int Helpful, int NotHelpful)
{
    /// <summary>The window of the knowledge editor's browse list: today and the 29 days before.</summary>
    public const int WindowDays = 30;

    public static TopicUsage None { get; } = new(0, 0, 0);

    /// <summary>The office's local day: counters are per day as the office lives it, not per UTC day.</summary>
    public static DateOnly Today(OfficeHours hours, TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), hours.TimeZone).DateTime);

    /// <summary>The first day of the window that ends today.</summary>
    public static DateOnly WindowStart(OfficeHours hours, TimeProvider time) => Today(hours, time).AddDays(1 - WindowDays);

    /// <summary>Totals per topic id of the given counters.</summary>
    public static IReadOnlyDictionary<string, TopicUsage> PerTopic(IEnumerable<TopicDailyCount> counts) =>
        counts.GroupBy(c => c.Topic, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new TopicUsage(Sum(g, TopicCountKind.Asked), Sum(g, TopicCountKind.Helpful), Sum(g, TopicCountKind.NotHelpful)),
            StringComparer.Ordinal);

    private static int Sum(IEnumerable<TopicDailyCount> counts, TopicCountKind kind) => counts.Where(c => c.Kind == kind).Sum(c => c.Count);
}
