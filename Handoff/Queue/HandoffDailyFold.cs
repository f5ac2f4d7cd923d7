using IntegrationBot.Handoff.Office;

namespace IntegrationBot.Handoff.Queue;

/// <summary>
/// What the retention purge keeps of the closed requests it deletes: per office-local day of creation, language and
/// reason, a count and the satisfaction sums. Every store folds with this, so the dashboard counts alike on each.
/// </summary>
public static class HandoffDailyFold
{
    /// <summary>The counts of <paramref name="expired"/>, one per day, language and reason.</summary>
    public static IReadOnlyList<HandoffDailyCount> Count(IEnumerable<HandoffRequest> expired, OfficeHours office)
    {
        ArgumentNullException.ThrowIfNull(office);
        return [.. expired
            .GroupBy(r => (Date: office.LocalDate(r.CreatedAt), r.Language, r.Reason))
            .Select(day => new HandoffDailyCount(
                day.Key.Date,
                day.Key.Language,
                day.Key.Reason,
                day.Count(),
                day.Sum(r => r.Satisfaction ?? 0),
                day.Count(r => r.Satisfaction is not null)))];
    }

    /// <summary>The stored id of a day's counter: <c>yyyy-MM-dd|language|reason</c>.</summary>
    public static string Key(HandoffDailyCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return $"{count.Date:yyyy-MM-dd}|{count.Language}|{count.Reason}";
    }

    /// <summary>The stored counter <paramref name="existing"/> (none yet: null) with <paramref name="added"/> added.</summary>
    public static HandoffDailyCount Add(HandoffDailyCount? existing, HandoffDailyCount added)
    {
        ArgumentNullException.ThrowIfNull(added);
        return existing is null ? added : existing with
        {
            Count = existing.Count + added.Count,
            SatisfactionSum = existing.SatisfactionSum + added.SatisfactionSum,
            SatisfactionCount = existing.SatisfactionCount + added.SatisfactionCount,
        };
    }
}
