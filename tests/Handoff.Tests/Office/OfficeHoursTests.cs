using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Tests.Support;

namespace IntegrationBot.Handoff.Tests.Office;

public sealed class OfficeHoursTests
{
    private static readonly OfficeHours Hours = new(HandoffWorld.OfficeOptions);

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-23T07:00:00Z", true)]  // Mon 08:00 CET: opens
    [InlineData("2026-11-23T06:59:00Z", false)]
    [InlineData("2026-11-23T14:00:00Z", false)] // Mon 15:00 CET: closed
    [InlineData("2026-11-25T11:30:00Z", false)] // Wed 12:30 CET: lunch break
    [InlineData("2026-11-25T15:30:00Z", true)]  // Wed 16:30 CET
    [InlineData("2026-11-28T09:00:00Z", false)] // Saturday
    [InlineData("2026-12-25T09:00:00Z", false)] // Christmas, a Friday
    [InlineData("2026-07-06T06:30:00Z", true)]  // Mon 08:30 CEST (UTC+2)
    [InlineData("2026-07-06T05:30:00Z", false)] // Mon 07:30 CEST
    public void Is_open_follows_the_local_schedule(string utc, bool open) =>
        Assert.Equal(open, Hours.IsOpen(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Next_opening_across_the_autumn_clock_change_is_monday_eight_local_time()
    {
        // Friday 23 Oct 2026 16:00 CEST; clocks go back on Sunday 25 Oct; Monday 08:00 is then CET = 07:00 UTC.
        var next = Hours.NextOpening(Utc(2026, 10, 23, 14));

        Assert.Equal(Utc(2026, 10, 26, 7), next);
        Assert.Equal(TimeSpan.FromHours(1), next!.Value.Offset);
    }

    [Fact]
    public void Next_opening_across_the_spring_clock_change_is_monday_eight_local_time()
    {
        // Friday 27 Mar 2026 15:30 CET; clocks go forward on Sunday 29 Mar; Monday 08:00 CEST = 06:00 UTC.
        Assert.Equal(Utc(2026, 3, 30, 6), Hours.NextOpening(Utc(2026, 3, 27, 14, 30)));
    }

    [Fact]
    public void Next_opening_skips_public_holidays_and_the_weekend()
    {
        // Thursday 24 Dec 2026 after closing: 25th is a holiday, then the weekend (26th also a holiday).
        Assert.Equal(Utc(2026, 12, 28, 7), Hours.NextOpening(Utc(2026, 12, 24, 15)));
    }

    [Fact]
    public void Next_opening_while_open_is_now()
    {
        var now = Utc(2026, 11, 23, 9);
        Assert.Equal(now, Hours.NextOpening(now));
    }

    [Fact]
    public void Open_time_between_counts_only_office_hours()
    {
        // Friday 14:30 CET → Monday 08:10 CET: 30 minutes on Friday + 10 on Monday.
        Assert.Equal(TimeSpan.FromMinutes(40), Hours.OpenTimeBetween(Utc(2026, 11, 27, 13, 30), Utc(2026, 11, 30, 7, 10)));
    }

    [Theory]
    [InlineData("Mon", "8-15")]
    [InlineData("Funday", "08:00-15:00")]
    [InlineData("Mon", "15:00-08:00")]
    public void Validator_rejects_a_schedule_it_cannot_understand(string day, string hours)
    {
        var options = new OfficeOptions { Schedule = new() { [day] = hours } };
        Assert.True(new OfficeOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Validator_rejects_an_unknown_time_zone() =>
        Assert.True(new OfficeOptionsValidator().Validate(null, new OfficeOptions { TimeZone = "Mars/Olympus" }).Failed);

    [Fact]
    public async Task Ticket_outside_hours_says_when_the_office_opens_and_the_request_stays_queued()
    {
        using var world = new HandoffWorld(Utc(2026, 11, 28, 10));
        var ticket = await world.EnqueueAsync("weekend");

        Assert.False(ticket.OfficeOpen);
        Assert.Equal(Utc(2026, 11, 30, 7), ticket.NextOpening);
        Assert.Single(await world.Queue.ListAsync(IntegrationBot.Handoff.Queue.HandoffStatus.Waiting, TestContext.Current.CancellationToken));
    }
}
