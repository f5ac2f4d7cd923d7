using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.Tests.Support;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>The other writes of a turn, one round trip each (issue 19); counted from Npgsql's tracing, never timed.</summary>
public sealed class PostgresRoundTripTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "directline",
        From = new ChannelAccount("dl_user", null, RoleTypes.User),
        Text = text,
    };

    [Fact]
    public async Task A_web_chat_append_takes_one_round_trip_and_its_id_holds_the_sequence_number()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var log = backend.DirectLine(new FakeTimeProvider(Start));
        await log.CreateConversationAsync("d1", "u1", null, Ct);
        await log.AppendAsync("d1", Message("first"), null, Ct);
        using var trips = new NpgsqlRoundTrips();

        var appended = await trips.Measure(() => log.AppendAsync("d1", Message("second \"quoted\" ib-seq-"), "client-2", Ct));

        Assert.True(trips.Commands.Count == 1, "round trips: " + string.Join(" | ", trips.Commands));
        Assert.Equal(("d1|0000002", 2L), (appended!.Activity.Id, appended.Watermark));
        var stored = (await log.ReadAsync("d1", 1, Ct)).Activities.Single();
        Assert.Equal(("d1|0000002", "second \"quoted\" ib-seq-"), (stored.Id, stored.Text));
    }

    [Fact]
    public async Task A_turn_s_transcript_lines_go_in_one_round_trip_in_order_and_a_rerun_adds_none()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var lines = Enumerable.Range(1, 3)
            .Select(i => new TranscriptMessage("telegram", "c1", "u1", Start.AddSeconds(i), TranscriptAuthor.User, $"line {i}") { LineId = $"turn-1/{i}" })
            .ToList();
        using var trips = new NpgsqlRoundTrips();

        await trips.Measure(async () =>
        {
            await backend.Transcripts.AppendManyAsync(lines, Ct);
            return true;
        });
        await backend.Transcripts.AppendManyAsync(lines, Ct);

        Assert.True(trips.Commands.Count == 1, "round trips: " + string.Join(" | ", trips.Commands));
        Assert.Equal(["line 1", "line 2", "line 3"], (await backend.Transcripts.RecentAsync("telegram", "c1", 10, Ct)).Select(m => m.Text));
    }

    [Fact]
    public async Task Delivery_marks_that_arrive_while_one_is_written_share_one_round_trip()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var turns = backend.TurnStore(new FakeTimeProvider(Start));
        for (var i = 0; i < 10; i++)
        {
            await turns.CommitAsync(new Dialogs.Outbox.TurnCommit($"c{i}", $"in-{i}", new Dictionary<string, Dialogs.Storage.StoredItem>(), [Message($"reply {i}")]), Ct);
        }

        var heads = await backend.Outbox.ListDueHeadsAsync(Start.AddMinutes(1), Ct);
        Assert.Equal(10, heads.Count);
        using var trips = new NpgsqlRoundTrips();

        await trips.Measure(async () =>
        {
            await Task.WhenAll(heads.Select(h => backend.Outbox.MarkDeliveredAsync(h.Id, Ct)));
            return true;
        });

        Assert.True(trips.Commands.Count < heads.Count, "round trips: " + string.Join(" | ", trips.Commands));
        Assert.Empty(await backend.Outbox.ListDueHeadsAsync(Start.AddHours(1), Ct));
    }
}
