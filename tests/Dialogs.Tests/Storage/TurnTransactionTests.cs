using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Handoff;
using IntegrationBot.Storage.LiteDb.Outbox;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// Issue 19: on LiteDB a turn's transcript lines, state, inbound id and replies are one transaction: the lines wait for
/// the turn's commit instead of committing on their own, whether the database is idle or busy with other writes.
/// </summary>
public sealed class TurnTransactionTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TranscriptMessage Line(string conversation, string id, string text) =>
        new("webchat", conversation, "u-" + conversation, DateTimeOffset.UnixEpoch, TranscriptAuthor.User, text) { LineId = id };

    // A turn's lines are one document (TranscriptDocuments); a document of the one-line layout is one line.
    private static int LinesStored(SharedLiteDatabase database) =>
        database.ReadBlocking(db => db.GetCollection("handoff_transcripts").FindAll().Sum(d => d.TryGetValue("lines", out var lines) ? lines.AsArray.Count : 1));

    private static TurnCommit Turn(string conversation, string inbound) => new(
        ConversationState.KeyFor("webchat", conversation),
        inbound,
        new Dictionary<string, StoredItem> { [ConversationState.KeyFor("webchat", conversation)] = new("{\"n\":1}", null) },
        [new Activity { Type = ActivityTypes.Message, ChannelId = "webchat", Text = "reply", Conversation = new ConversationAccount(conversation) }]);

    [Fact]
    public async Task On_an_idle_database_the_lines_and_the_turn_commit_together_in_one_transaction()
    {
        using var database = _directory.Open();
        var transcripts = new LiteDbTranscriptStore(database);
        var turns = new LiteDbTurnStore(database, _time);
        var before = database.Writer.Transactions;

        await transcripts.AppendBeforeCommitAsync([Line("c1", "a1|user", "Where do I register?"), Line("c1", "a1|bot|0", "At the office.")], Ct);
        // Nothing written yet: the lines wait for the turn's commit.
        Assert.Empty(await transcripts.RecentAsync("webchat", "c1", 10, Ct));
        Assert.Equal(before, database.Writer.Transactions);

        Assert.Equal(CommitOutcome.Committed, await turns.CommitAsync(Turn("c1", "in-1"), Ct));

        Assert.Equal(before + 1, database.Writer.Transactions);
        Assert.Equal(["Where do I register?", "At the office."], (await transcripts.RecentAsync("webchat", "c1", 10, Ct)).Select(l => l.Text));
    }

    [Fact]
    public async Task A_turns_lines_wake_the_writer_only_with_its_commit_while_LiteDBs_transaction_is_open()
    {
        using var database = _directory.Open();
        var transcripts = new LiteDbTranscriptStore(database);
        var turns = new LiteDbTurnStore(database, _time);
        await turns.CommitAsync(Turn("c0", "in-0"), Ct);
        const int Count = 60;

        var before = database.Writer.WakeUps;
        for (var i = 0; i < Count; i++)
        {
            var conversation = "c" + (i + 1);
            await transcripts.AppendBeforeCommitAsync([Line(conversation, $"a{i}|user", "Where do I register?")], Ct);
            Assert.Equal(CommitOutcome.Committed, await turns.CommitAsync(Turn(conversation, "in-" + (i + 1)), Ct));
        }

        // One wake-up per turn, by its commit (a few more when the disk sync says LiteDB's commit is durable). The lines
        // that wait for the commit woke the writer too, for nothing (74-83 wake-ups in all before): it looks at them
        // before it waits again, and while LiteDB's transaction is open it wakes within 100 ms anyway.
        var wakeUps = database.Writer.WakeUps - before;
        Assert.True(wakeUps <= Count + 8, $"{wakeUps} wake-ups of the writer for {Count} turns");
        Assert.Equal(Count, LinesStored(database));
    }

    [Fact]
    public async Task Under_load_each_turns_lines_go_in_the_transaction_of_its_own_commit()
    {
        using var database = _directory.Open();
        var transcripts = new LiteDbTranscriptStore(database);
        var turns = new LiteDbTurnStore(database, _time);
        Task<CommitOutcome> first;
        Task<CommitOutcome> second;
        long before;
        using (var blocker = new WriterBlocker(database, Ct))
        {
            before = database.Writer.Transactions;
            await transcripts.AppendBeforeCommitAsync([Line("c1", "a1|user", "first")], Ct);
            await transcripts.AppendBeforeCommitAsync([Line("c2", "a2|user", "second")], Ct);
            first = turns.CommitAsync(Turn("c1", "in-1"), Ct);
            second = turns.CommitAsync(Turn("c2", "in-2"), Ct);
            blocker.Release();
            Assert.Equal([CommitOutcome.Committed, CommitOutcome.Committed], await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30), Ct));
        }

        // The blocking write, then one transaction with both turns and their lines (write combining).
        Assert.InRange(database.Writer.Transactions - before, 1, 2);
        Assert.Equal("first", Assert.Single(await transcripts.RecentAsync("webchat", "c1", 10, Ct)).Text);
        Assert.Equal("second", Assert.Single(await transcripts.RecentAsync("webchat", "c2", 10, Ct)).Text);
    }

    [Fact]
    public async Task A_turn_that_loses_the_etag_race_reruns_without_writing_its_lines_twice()
    {
        using var database = _directory.Open();
        var transcripts = new LiteDbTranscriptStore(database);
        var turns = new LiteDbTurnStore(database, _time);
        Assert.Equal(CommitOutcome.Committed, await turns.CommitAsync(Turn("c1", "in-1"), Ct));

        await transcripts.AppendBeforeCommitAsync([Line("c1", "a2|user", "again")], Ct);
        // A stale eTag (the turn read before another write): conflict; the rerun adds the same keyed line once more.
        var stale = Turn("c1", "in-2") with { StateChanges = new Dictionary<string, StoredItem> { [ConversationState.KeyFor("webchat", "c1")] = new("{\"n\":2}", "stale") } };
        Assert.Equal(CommitOutcome.Conflict, await turns.CommitAsync(stale, Ct));
        await transcripts.AppendBeforeCommitAsync([Line("c1", "a2|user", "again")], Ct);
        Assert.Equal(CommitOutcome.Committed, await turns.CommitAsync(Turn("c1", "in-2") with { StateChanges = new Dictionary<string, StoredItem>() }, Ct));

        Assert.Equal("again", Assert.Single(await transcripts.RecentAsync("webchat", "c1", 10, Ct)).Text);
    }

    [Fact]
    public async Task A_rerun_whose_line_is_already_written_commits_at_once_and_its_new_lines_follow_on_their_own()
    {
        using var database = _directory.Open();
        var transcripts = new LiteDbTranscriptStore(database);
        var turns = new LiteDbTurnStore(database, _time);
        await transcripts.AppendBeforeCommitAsync([Line("c1", "a1|user", "question")], Ct);
        Assert.Equal(CommitOutcome.Conflict, await turns.CommitAsync(Turn("c1", "in-1") with { StateChanges = new Dictionary<string, StoredItem> { [ConversationState.KeyFor("webchat", "c1")] = new("{\"n\":2}", "stale") } }, Ct));
        var written = LinesStored(database);

        // The rerun's lines: the user's again (in the file: its insert fails on the key, without a query) and a new reply.
        await transcripts.AppendBeforeCommitAsync([Line("c1", "a1|user", "question"), Line("c1", "a1|bot|0", "answer")], Ct);
        Assert.Equal(CommitOutcome.Committed, await turns.CommitAsync(Turn("c1", "in-1"), Ct));

        Assert.Equal(1, written);
        await SyncRecorder.EventuallyAsync(() => LinesStored(database) == 2, Ct);
        Assert.Equal(["question", "answer"], (await transcripts.RecentAsync("webchat", "c1", 10, Ct)).Select(l => l.Text));
        Assert.Equal(1, database.ReadBlocking(db => db.GetCollection("outbox").Count()));
    }

    [Fact]
    public async Task Lines_of_a_turn_that_never_commits_are_written_on_their_own()
    {
        using var database = _directory.Open();
        var transcripts = new LiteDbTranscriptStore(database);

        await transcripts.AppendBeforeCommitAsync([Line("c1", "a1|user", "kept although the turn failed")], Ct);

        await SyncRecorder.EventuallyAsync(() => database.ReadBlocking(db => db.GetCollection("handoff_transcripts").Count()) > 0, Ct);
        Assert.Equal("kept although the turn failed", Assert.Single(await transcripts.RecentAsync("webchat", "c1", 10, Ct)).Text);
    }

    [Fact]
    public async Task Closing_the_database_writes_the_lines_still_waiting_for_their_turn()
    {
        using (var database = _directory.Open())
        {
            await new LiteDbTranscriptStore(database).AppendBeforeCommitAsync([Line("c1", "a1|user", "kept at shutdown")], Ct);
        }

        using var reopened = _directory.Open();
        Assert.Equal("kept at shutdown", Assert.Single(await new LiteDbTranscriptStore(reopened).RecentAsync("webchat", "c1", 10, Ct)).Text);
    }

    public void Dispose() => _directory.Dispose();
}
