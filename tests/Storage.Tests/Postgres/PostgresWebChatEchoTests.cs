using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Storage.Postgres.DirectLine;
using IntegrationBot.Storage.Postgres.Outbox;
using IntegrationBot.Storage.Postgres.Privacy;
using IntegrationBot.Storage.Tests.Support;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationBot.Storage.Tests.Postgres;

/// <summary>
/// The person's web chat message (the echo) is written by its turn's commit call on PostgreSQL (issue 19), as on LiteDB:
/// the page's POST of a message and its turn take the turn's two round trips and nothing more, the POST is answered once
/// the message is durable, a resend (same clientActivityID) gets the same id on any instance and runs no second turn, a
/// failed turn leaves the message in the log, an erasure before the commit leaves nothing, and an instance not yet
/// upgraded (which appends first) and an upgraded one answer each other's resends once. The real inbox, runner, turn
/// sessions and log; round trips counted from Npgsql's tracing.
/// </summary>
public sealed class PostgresWebChatEchoTests
{
    private const string Conversation = "d1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Answers each message once; can fail its run, or erase the person's web chat data, before its commit.</summary>
    private sealed class AnsweringBot : IBot
    {
        public int Runs { get; private set; }

        public Func<ITurnContext, Task>? Before { get; set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Runs++;
            if (Before is { } before)
            {
                await before(turnContext);
            }

            await turnContext.SendActivityAsync("answer to " + turnContext.Activity.Text, cancellationToken);
        }
    }

    /// <summary>One host's web chat side: the real inbox over the log (memory in front) and the PostgreSQL turn sessions.</summary>
    private sealed class Instance
    {
        public Instance(PostgresBackend backend, AnsweringBot bot)
        {
            Backend = backend;
            Recent = new RecentActivities(TimeProvider.System);
            Log = new TailedDirectLineStore(new PostgresDirectLineStore(backend.Database, TimeProvider.System), Recent);
            var adapter = TestAdapter.Create(
                backend.Storage,
                backend.TurnStore(TimeProvider.System),
                backend.Outbox,
                TimeProvider.System,
                sessions: new PostgresTurnSessions(backend.Database, TimeProvider.System));
            Inbox = new DirectLineInbox(Log, new ConversationSignals(), adapter.Runner, bot, Options.Create(new InputOptions()), TimeProvider.System);
        }

        public PostgresBackend Backend { get; }

        public RecentActivities Recent { get; }

        public IDirectLineStore Log { get; }

        public DirectLineInbox Inbox { get; }

        public async Task<string> PostAsync(string text, string? clientActivityId) =>
            (await Inbox.PostAsync(new DirectLineToken(Conversation, "u1", DateTimeOffset.MaxValue, DateTimeOffset.UtcNow), Message(text, clientActivityId), "http://localhost", Ct))!;
    }

    private static Activity Message(string text, string? clientActivityId) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelData = clientActivityId is null ? null : System.Text.Json.JsonSerializer.SerializeToElement(new { clientActivityID = clientActivityId }),
    };

    private static async Task<List<string?>> LogAsync(PostgresBackend backend) =>
        [.. (await backend.DirectLine(TimeProvider.System).ReadAsync(Conversation, null, Ct)).Activities.Select(a => a.Text)];

    private static async Task<List<string?>> IdsAsync(PostgresBackend backend) =>
        [.. (await backend.DirectLine(TimeProvider.System).ReadAsync(Conversation, null, Ct)).Activities.Select(a => a.Id)];

    private static async Task<(PostgresBackend Backend, AnsweringBot Bot, Instance Host)> OpenAsync()
    {
        var backend = await PostgresBackend.OpenAsync();
        var bot = new AnsweringBot();
        var host = new Instance(backend, bot);
        await host.Log.CreateConversationAsync(Conversation, "u1", "en", Ct);
        return (backend, bot, host);
    }

    [Fact]
    public async Task Posting_a_message_and_running_its_turn_takes_the_turn_s_two_round_trips_with_the_message_before_the_answer()
    {
        var (backend, bot, host) = await OpenAsync();
        await using var _ = backend;
        await host.PostAsync("first", "c1");
        using var trips = new NpgsqlRoundTrips();

        var id = await trips.Measure(() => host.PostAsync("where is the office?", "c2"));

        // Main appended the message first (ib_directline_append): three.
        Assert.True(trips.Commands.Count == 2, "round trips: " + string.Join(" | ", trips.Commands));
        Assert.Equal(2, bot.Runs);
        // Acknowledged once durable: in the log, before its answer, when the POST returns.
        Assert.Equal(["first", "answer to first", "where is the office?", "answer to where is the office?"], await LogAsync(backend));
        Assert.Equal(id, (await IdsAsync(backend))[2]);
    }

    [Fact]
    public async Task A_message_without_a_clientActivityID_is_written_by_its_turn_too_and_two_such_are_two_messages()
    {
        var (backend, bot, host) = await OpenAsync();
        await using var _ = backend;
        using var trips = new NpgsqlRoundTrips();

        var first = await trips.Measure(() => host.PostAsync("hello", null));
        var second = await host.PostAsync("hello", null);

        Assert.True(trips.Commands.Count == 2, "round trips: " + string.Join(" | ", trips.Commands));
        Assert.NotEqual(first, second);
        Assert.Equal(2, bot.Runs);
        Assert.Equal(["hello", "answer to hello", "hello", "answer to hello"], await LogAsync(backend));
    }

    [Fact]
    public async Task Opening_the_conversation_the_token_endpoint_just_created_takes_no_round_trip_and_an_erased_one_is_created_again()
    {
        var (backend, _, host) = await OpenAsync();
        await using var _ = backend;
        using var trips = new NpgsqlRoundTrips();

        // The page's POST /conversations after /api/webchat/token: main inserted the row a second time (one round trip).
        var createdAgain = await trips.Measure(() => host.Log.CreateConversationAsync(Conversation, "u1", "en", Ct));

        Assert.False(createdAgain);
        Assert.True(trips.Commands.Count == 0, "round trips: " + string.Join(" | ", trips.Commands));
        await host.Log.DeleteConversationAsync(Conversation, Ct);
        Assert.True(await host.Log.CreateConversationAsync(Conversation, "u1", "en", Ct));
    }

    [Fact]
    public async Task A_resend_with_the_same_clientActivityID_gets_the_same_id_on_any_instance_and_runs_no_second_turn()
    {
        var (backend, bot, host) = await OpenAsync();
        await using var _ = backend;
        var other = new Instance(backend.Second(), bot);

        var id = await host.PostAsync("hello", "c1");
        var again = await host.PostAsync("hello", "c1");
        var elsewhere = await other.PostAsync("hello", "c1");

        Assert.Equal(id, again);
        Assert.Equal(id, elsewhere);
        Assert.Equal(1, bot.Runs);
        Assert.Equal(["hello", "answer to hello"], await LogAsync(backend));
    }

    [Fact]
    public async Task A_turn_that_fails_before_its_commit_fails_the_post_and_leaves_the_message_which_a_resend_answers_once()
    {
        var (backend, bot, host) = await OpenAsync();
        await using var _ = backend;
        bot.Before = _ => throw new InvalidOperationException("the bot failed");

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.PostAsync("hello", "c1"));
        Assert.Equal(["hello"], await LogAsync(backend));

        bot.Before = null;
        var id = await host.PostAsync("hello", "c1");

        Assert.Equal(2, bot.Runs);
        Assert.Equal(["hello", "answer to hello"], await LogAsync(backend));
        Assert.Equal(id, (await IdsAsync(backend))[0]);
    }

    [Fact]
    public async Task A_crash_before_the_commit_writes_nothing_and_the_resend_on_another_instance_writes_the_message_once()
    {
        var (backend, bot, host) = await OpenAsync();
        await using var _ = backend;
        // The POST reached the first instance, which died before the turn committed: its message waits only in its memory.
        var lost = (await host.Log.AppendBeforeTurnAsync(Conversation, Message("hello", "c1") with { ChannelId = DirectLineInbox.ChannelId }, "client:c1", Ct))!;
        Assert.False(lost.Durable.IsCompleted);
        Assert.Empty(await LogAsync(backend));

        var other = new Instance(backend.Second(), bot);
        var id = await other.PostAsync("hello", "c1");

        Assert.Equal(lost.Appended.Activity.Id, id);
        Assert.Equal(1, bot.Runs);
        Assert.Equal(["hello", "answer to hello"], await LogAsync(backend));
    }

    [Fact]
    public async Task A_message_whose_own_turn_clears_the_conversation_is_not_kept()
    {
        var (backend, bot, host) = await OpenAsync();
        await using var _ = backend;
        await host.PostAsync("hello", "c1");
        var eraser = new PostgresDirectLineUserData(backend.Database, host.Recent);
        // The flows' "yes, delete": the conversation is emptied and kept; the confirmation is its first line.
        bot.Before = _ => eraser.DeleteUserDataKeepingConversationAsync(DirectLineInbox.ChannelId, "u1", Conversation, Ct);

        await host.PostAsync("yes", "c2");

        Assert.Equal(["answer to yes"], await LogAsync(backend));
    }

    [Fact]
    public async Task A_message_whose_conversation_another_instance_erases_before_the_commit_is_not_written()
    {
        var (backend, bot, host) = await OpenAsync();
        await using var _ = backend;
        var other = new PostgresDirectLineStore(backend.Second().Database, TimeProvider.System);
        bot.Before = _ => other.DeleteConversationAsync(Conversation, Ct);

        await host.PostAsync("hello", "c1");

        Assert.Empty(await LogAsync(backend));
        Assert.False(await other.ConversationExistsAsync(Conversation, Ct));
    }

    [Fact]
    public async Task A_message_an_instance_not_yet_upgraded_appended_and_answered_is_a_repeat_when_resent_to_an_upgraded_one()
    {
        var (backend, bot, host) = await OpenAsync();
        await using var _ = backend;
        // The old instance: the append of migration 14 first (numbered id), then its turn committed that inbound id.
        var old = (await backend.DirectLine(TimeProvider.System).AppendAsync(Conversation, Message("hello", "c1"), "client:c1", Ct))!;
        await using (var connection = new NpgsqlConnection(backend.ConnectionString + ";Search Path=" + backend.Database.Schema))
        {
            await connection.OpenAsync(Ct);
            await using var inbound = new NpgsqlCommand("INSERT INTO inbound (key, at) VALUES (@k, 0)", connection);
            inbound.Parameters.AddWithValue("k", $"{DirectLineInbox.ChannelId}|{old.Activity.Id}");
            await inbound.ExecuteNonQueryAsync(Ct);
        }

        await host.PostAsync("hello", "c1");

        Assert.Equal(0, bot.Runs);
        Assert.Equal(["hello"], await LogAsync(backend));
    }
}
