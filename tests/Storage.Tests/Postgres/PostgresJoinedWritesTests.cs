using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.Postgres.Knowledge;
using IntegrationBot.Storage.Tests.Support;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>
/// A turn's transcript lines and topic counts ride in its commit call (issue 19): a Q&amp;A turn that writes both still
/// takes two round trips, and nothing the flows wrote is lost or written twice when the turn fails or reruns. Round
/// trips are counted from Npgsql's tracing, never timed.
/// </summary>
public sealed class PostgresJoinedWritesTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The shape of a Q&amp;A turn as the flows make it: reads and writes conversation state, replies twice, counts the
    /// answered topic and hands the turn's transcript lines over just before the commit.
    /// </summary>
    private sealed class QuestionBot(TestAdapter adapter, ITranscriptStore transcripts, ITopicStatistics statistics, Func<int, Task>? afterLines = null) : IBot
    {
        private readonly IStatePropertyAccessor<int> _count = adapter.ConversationState.CreateProperty<int>("count");

        public int Runs { get; private set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Runs++;
            var count = await _count.GetAsync(turnContext, () => 0, cancellationToken) + 1;
            await _count.SetAsync(turnContext, count, cancellationToken);
            await turnContext.SendActivityAsync($"answer {count}", cancellationToken);
            await turnContext.SendActivityAsync("anything else?", cancellationToken);
            // TopicCounter does not wait for the count; TranscriptMiddleware writes the lines last.
            _ = statistics.AddAsync([new TopicDailyCount(Today, "health", TopicCountKind.Asked, 1)], cancellationToken);
            var activity = turnContext.Activity;
            await transcripts.AppendBeforeCommitAsync(
            [
                new TranscriptMessage(activity.ChannelId!, activity.Conversation!.Id, "u1", DateTimeOffset.UtcNow, TranscriptAuthor.User, activity.Text ?? string.Empty),
                new TranscriptMessage(activity.ChannelId!, activity.Conversation!.Id, "u1", DateTimeOffset.UtcNow, TranscriptAuthor.Bot, $"answer {count}"),
            ], cancellationToken);
            if (afterLines is not null)
            {
                await afterLines(Runs);
            }
        }
    }

    private static async Task<int> AskedAsync(ITopicStatistics statistics) =>
        (await statistics.ListAsync(Today, Ct)).Where(c => c.Topic == "health" && c.Kind == TopicCountKind.Asked).Sum(c => c.Count);

    private static async Task<List<string>> LinesAsync(PostgresBackend backend) =>
        [.. (await backend.Transcripts.RecentAsync(TestAdapter.ChannelId, "conv-1", 100, Ct)).Select(m => m.Text)];

    [Fact]
    public async Task A_turn_with_transcript_lines_and_a_topic_count_takes_two_round_trips()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var statistics = new PostgresTopicStatistics(backend.Database);
        var adapter = PostgresTurnSessionTests.Adapter(backend);
        var bot = new QuestionBot(adapter, backend.Transcripts, statistics);
        await adapter.SendAsync(adapter.MakeMessage("first"), bot, Ct);
        using var trips = new NpgsqlRoundTrips();

        var result = await trips.Measure(() => adapter.ProcessActivityAsync(adapter.MakeMessage("second"), bot, Ct));

        Assert.Equal(TurnStatus.Processed, result.Status);
        Assert.True(trips.Commands.Count == 2, "round trips: " + string.Join(" | ", trips.Commands));
        Assert.Equal(["first", "answer 1", "second", "answer 2"], await LinesAsync(backend));
        Assert.Equal(2, await AskedAsync(statistics));
    }

    [Fact]
    public async Task Outside_a_turn_lines_and_counts_are_written_at_once()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var statistics = new PostgresTopicStatistics(backend.Database);
        using var trips = new NpgsqlRoundTrips();

        await trips.Measure(async () =>
        {
            await backend.Transcripts.AppendBeforeCommitAsync(
                [new TranscriptMessage(TestAdapter.ChannelId, "conv-1", "u1", DateTimeOffset.UtcNow, TranscriptAuthor.Counselor, "proactive")], Ct);
            await statistics.AddAsync([new TopicDailyCount(Today, "health", TopicCountKind.Asked, 1), new TopicDailyCount(Today, "health", TopicCountKind.Asked, 2)], Ct);
            return true;
        });

        Assert.True(trips.Commands.Count == 2, "round trips: " + string.Join(" | ", trips.Commands));
        Assert.Equal(["proactive"], await LinesAsync(backend));
        Assert.Equal(3, await AskedAsync(statistics));
    }

    [Fact]
    public async Task A_turn_that_fails_after_its_lines_and_count_joined_still_writes_them()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var statistics = new PostgresTopicStatistics(backend.Database);
        var adapter = PostgresTurnSessionTests.Adapter(backend);
        var failing = new QuestionBot(adapter, backend.Transcripts, statistics, _ => throw new InvalidOperationException("bot failed"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.ProcessActivityAsync(adapter.MakeMessage("lost?"), failing, Ct));

        // As before the lines joined the commit: what the flows wrote before the failure is kept; the state is not.
        Assert.Equal(["lost?", "answer 1"], await LinesAsync(backend));
        Assert.Equal(1, await AskedAsync(statistics));
        await adapter.Dispatcher.DrainOnceAsync(Ct);
        Assert.Empty(adapter.Sender.Delivered);
    }

    [Fact]
    public async Task A_rerun_after_an_etag_conflict_writes_the_turn_s_lines_and_count_once()
    {
        await using var backend = await PostgresBackend.OpenAsync();
        var statistics = new PostgresTopicStatistics(backend.Database);
        var adapter = PostgresTurnSessionTests.Adapter(backend);
        var bot = new QuestionBot(
            adapter, backend.Transcripts, statistics, run => run == 2 ? PostgresTurnSessionTests.BumpCountBehindTheTurnAsync(backend, adapter) : Task.CompletedTask);
        await adapter.SendAsync(adapter.MakeMessage("first"), bot, Ct);

        var result = await adapter.SendAsync(adapter.MakeMessage("second"), bot, Ct);

        Assert.Equal(TurnStatus.Processed, result.Status);
        Assert.Equal(3, bot.Runs);
        // The lines carry no line id here, so only the dropped first attempt keeps them from being stored twice.
        Assert.Equal(["first", "answer 1", "second", "answer 11"], await LinesAsync(backend));
        Assert.Equal(2, await AskedAsync(statistics));
    }
}
