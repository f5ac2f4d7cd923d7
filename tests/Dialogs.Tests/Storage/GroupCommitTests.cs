using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.TestSupport;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Handoff;
using IntegrationBot.Storage.LiteDb.Hosting;

namespace IntegrationBot.Dialogs.Tests.Storage;

public sealed class GroupCommitTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    private string LogFile => LiteDbDatabaseFactory.LogFilePath(_directory.DatabaseFile);

    // LiteDB's own log synced in groups: how every write is made durable without the write journal, and always for a
    // file with a password (WriteJournalTests covers the journal's group fsync).
    private StorageOptions Unjournaled()
    {
        var options = _directory.Options();
        options.Journal = false;
        return options;
    }

    [Fact]
    public async Task Write_returns_only_after_an_fsync_that_started_after_its_commit()
    {
        var ct = TestContext.Current.CancellationToken;
        var syncs = new SyncRecorder(LogFile);
        using var database = LiteDbDatabaseFactory.Open(Unjournaled(), syncs.Decorate);

        for (var i = 0; i < 5; i++)
        {
            await database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = i }), ct);

            // Everything in the log now, this commit included, was in it when a finished fsync started.
            var logged = new FileInfo(LogFile).Length;
            Assert.True(logged > 0);
            Assert.True(syncs.Covered >= logged, $"write {i} returned with {logged} log bytes but syncs covered only {syncs.Covered}");
        }
    }

    [Fact]
    public async Task Concurrent_writes_share_fsyncs()
    {
        var ct = TestContext.Current.CancellationToken;
        var syncs = new SyncRecorder(LogFile).Holding();
        using var database = LiteDbDatabaseFactory.Open(Unjournaled(), syncs.Decorate);
        await syncs.WriteConcurrentlyWhileTheFirstSyncIsHeldAsync(database, 20, ct);

        // One sync for the first writer, one for those that arrived while it ran, perhaps one for the last straggler.
        Assert.InRange(syncs.Finished, 1, 3);
        Assert.True(syncs.Covered >= new FileInfo(LogFile).Length);
    }

    [Fact]
    public async Task Os_durability_returns_without_waiting_and_a_background_sync_follows()
    {
        var ct = TestContext.Current.CancellationToken;
        var syncs = new SyncRecorder(LogFile).Holding();
        var options = Unjournaled();
        options.Durability = StorageOptions.OsDurability;
        options.SyncIntervalMilliseconds = 20;
        using var database = LiteDbDatabaseFactory.Open(options, syncs.Decorate);

        await database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = 1 }), ct)
            .WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Equal(0, syncs.Finished);
        var logged = new FileInfo(LogFile).Length;

        try
        {
            await SyncRecorder.EventuallyAsync(() => syncs.Started >= 1, ct);
        }
        finally
        {
            syncs.Release();
        }

        await SyncRecorder.EventuallyAsync(() => syncs.Covered >= logged, ct);
    }

    [Fact]
    public async Task A_turns_transcript_lines_wait_for_no_sync_of_their_own_and_go_in_the_turns_commit_and_its_sync()
    {
        var ct = TestContext.Current.CancellationToken;
        var syncs = new SyncRecorder(LogFile).Holding();
        using var database = LiteDbDatabaseFactory.Open(Unjournaled(), syncs.Decorate);
        var transcripts = new LiteDbTranscriptStore(database);
        var line = new TranscriptMessage("webchat", "c1", "u1", DateTimeOffset.UtcNow, TranscriptAuthor.User, "Where do I register?") { LineId = "a1|user" };
        Task commit;
        try
        {
            // Returns while every sync is held: it waited for none, and for no commit either.
            await transcripts.AppendBeforeCommitAsync([line], ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
            Assert.Empty(await transcripts.RecentAsync("webchat", "c1", 10, ct));

            // The turn's commit writes the lines in its transaction and waits for a sync.
            commit = database.WriteTurnAsync(ConversationState.KeyFor("webchat", "c1"), db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = 1 }), ct);
            await SyncRecorder.EventuallyAsync(() => syncs.Started >= 1, ct);
            Assert.False(commit.IsCompleted);
            Assert.Single(await transcripts.RecentAsync("webchat", "c1", 10, ct));
        }
        finally
        {
            syncs.Release();
        }

        await commit.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.True(syncs.Covered >= new FileInfo(LogFile).Length, $"the commit's sync covered {syncs.Covered} log bytes, the log ends at {new FileInfo(LogFile).Length}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("s3cret")]
    public async Task A_returned_write_is_in_the_files_when_the_process_dies(string? password)
    {
        var ct = TestContext.Current.CancellationToken;
        using var copy = new TempDataDirectory();
        using (var database = _directory.Open(password))
        {
            await database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = 1, ["text"] = "kept" }), ct);

            // The files as a crash would leave them: LiteDB never closed or checkpointed them (and the write journal's, if any).
            File.Copy(_directory.DatabaseFile, copy.DatabaseFile);
            File.Copy(LogFile, LiteDbDatabaseFactory.LogFilePath(copy.DatabaseFile));
            for (var i = 0; i < 2 && password is null; i++)
            {
                File.Copy(WriteJournal.PathOf(_directory.DatabaseFile, i), WriteJournal.PathOf(copy.DatabaseFile, i));
            }
        }

        using var recovered = copy.Open(password);
        Assert.Equal("kept", (await recovered.ReadAsync(db => db.GetCollection("probe").FindById(1), ct))["text"].AsString);
    }

    [Fact]
    public async Task Encrypted_files_hold_no_plain_text()
    {
        var ct = TestContext.Current.CancellationToken;
        const string Secret = "Where-can-I-register-my-address";
        using (var database = _directory.Open("s3cret"))
        {
            await database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = 1, ["text"] = Secret }), ct);
            Assert.DoesNotContain(Secret, await File.ReadAllTextAsync(LogFile, ct), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Secret, await File.ReadAllTextAsync(_directory.DatabaseFile, ct), StringComparison.Ordinal);
        using var reopened = _directory.Open("s3cret");
        Assert.Equal(Secret, reopened.Database.GetCollection("probe").FindById(1)["text"].AsString);
    }

    [Fact]
    public async Task Unknown_durability_fails_at_start_naming_the_key()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IntegrationBot:Storage:Path"] = _directory.Path,
            ["IntegrationBot:Storage:Durability"] = "sometimes",
        });
        builder.Services.AddDialogsRuntime(builder.Configuration).AddLiteDbStorage();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(ct));
        Assert.Contains("IntegrationBot:Storage:Durability", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_with_an_unknown_durability_names_the_key()
    {
        var options = _directory.Options();
        options.Durability = "sometimes";
        var error = Assert.Throws<InvalidOperationException>(() => LiteDbDatabaseFactory.Open(options));
        Assert.Contains("IntegrationBot:Storage:Durability", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
