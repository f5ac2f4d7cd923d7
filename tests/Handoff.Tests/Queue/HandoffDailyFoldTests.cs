using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Tests.Support;

namespace IntegrationBot.Handoff.Tests.Queue;

/// <summary>The counts the retention purge keeps of deleted requests, the same for every store.</summary>
public sealed class HandoffDailyFoldTests
{
    private static readonly DateTimeOffset Monday = HandoffWorld.Monday10Local;

    [Fact]
    public void Requests_are_counted_per_office_day_language_and_reason_with_their_ratings()
    {
        var office = new OfficeHours(HandoffWorld.OfficeOptions);
        // 23:30 UTC on Monday is already Tuesday in Ljubljana.
        var lateMonday = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero);

        var counts = HandoffDailyFold.Count(
            [Request(Monday, "sl", 4), Request(Monday, "sl", null), Request(Monday, "ar", 5), Request(lateMonday, "sl", 2)],
            office);

        Assert.Equal(
            [("2026-11-23|sl|AskedForHuman", 2, 4, 1), ("2026-11-23|ar|AskedForHuman", 1, 5, 1), ("2026-11-24|sl|AskedForHuman", 1, 2, 1)],
            counts.Select(c => (HandoffDailyFold.Key(c), c.Count, c.SatisfactionSum, c.SatisfactionCount)));
    }

    [Fact]
    public void A_later_purge_adds_to_the_stored_counter_of_the_same_day()
    {
        var stored = new HandoffDailyCount(new DateOnly(2026, 11, 23), "sl", HandoffReason.AskedForHuman, 2, 9, 2);
        var added = new HandoffDailyCount(new DateOnly(2026, 11, 23), "sl", HandoffReason.AskedForHuman, 3, 1, 1);

        Assert.Equal(stored with { Count = 5, SatisfactionSum = 10, SatisfactionCount = 3 }, HandoffDailyFold.Add(stored, added));
        Assert.Equal(added, HandoffDailyFold.Add(null, added));
    }

    private static HandoffRequest Request(DateTimeOffset at, string language, int? satisfaction) => new()
    {
        Id = Guid.NewGuid(),
        Address = new ConversationAddress("telegram", "conv", "user", "{}"),
        Language = language,
        Reason = HandoffReason.AskedForHuman,
        Priority = HandoffPriority.Normal,
        CreatedAt = at,
        LastUserActivityAt = at,
        Status = HandoffStatus.Closed,
        Satisfaction = satisfaction,
    };
}
