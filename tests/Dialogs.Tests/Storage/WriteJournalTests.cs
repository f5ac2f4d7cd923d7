using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.TestSupport;
using LiteDB;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// The write journal (issue 19): a write is durable once its frame is in the journal, LiteDB commits behind it, and
/// nothing a caller was told is written is lost to a crash, a failed write next to it, or a torn frame.
/// A crash is the files as the operating system holds them while the database is open (copied, lock file aside).
/// </summary>
public sealed class WriteJournalTests : IDisposable
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);
    private readonly TempDataDirectory _directory = new();
    private readonly TempDataDirectory _crash = new();

    [Fact]
    public async Task A_write_LiteDB_has_not_committed_yet_survives_a_crash()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var database = OpenDeferred(_directory))
        {
            await database.WriteAsync(db => db.GetCollection("state").Insert(new BsonDocument { ["_id"] = "telegram|1", ["text"] = "first" }), ct);
            await database.WriteAsync(db => db.GetCollection("state").Update(new BsonDocument { ["_id"] = "telegram|1", ["text"] = "second" }), ct);

            Assert.Equal(0, database.Journal!.Commits);
            Assert.True(database.Journal.IsOpen);
            CopyAsCrash();
        }

        using var recovered = LiteDbDatabaseFactory.Open(_crash.Options());
        var state = await recovered.ReadAsync(db => db.GetCollection("state").FindById("telegram|1"), ct);
        Assert.Equal("second", state["text"].AsString);
        Assert.Equal(0, recovered.Journal!.Files.Length);
    }

    [Fact]
    public async Task Frames_LiteDB_committed_before_a_crash_are_not_applied_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var database = OpenDeferred(_directory))
        {
            await database.WriteAsync(db => db.GetCollection("lines").Insert(new BsonDocument { ["_id"] = 1 }), ct);
            // A read commits LiteDB's transaction first; the journal may still hold the frame until LiteDB's fsync.
            Assert.Equal(1, await database.ReadAsync(db => db.GetCollection("lines").Count(), ct));
            await database.WriteAsync(db => db.GetCollection("lines").Insert(new BsonDocument { ["_id"] = 2 }), ct);
            CopyAsCrash();
        }

        // Inserting line 1 again would fail the open with a duplicate key.
        using var recovered = LiteDbDatabaseFactory.Open(_crash.Options());
        Assert.Equal([1, 2], await recovered.ReadAsync(db => db.GetCollection("lines").FindAll().Select(d => d["_id"].AsInt32).Order().ToList(), ct));
    }

    [Fact]
    public async Task A_torn_last_frame_is_dropped_and_the_frames_before_it_recover()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var database = OpenDeferred(_directory))
        {
            await database.WriteAsync(db => db.GetCollection("lines").Insert(new BsonDocument { ["_id"] = 1 }), ct);
            CopyAsCrash();
        }

        // A power loss in the middle of the next frame: its header and part of its body reached the disk.
        var journal = WriteJournal.PathOf(_crash.DatabaseFile, 0);
        var whole = await File.ReadAllBytesAsync(journal, ct);
        await File.AppendAllBytesAsync(journal, whole.AsSpan(0, whole.Length - 3).ToArray(), ct);

        using var recovered = LiteDbDatabaseFactory.Open(_crash.Options());
        Assert.Equal(1, await recovered.ReadAsync(db => db.GetCollection("lines").Count(), ct));
    }

    [Fact]
    public async Task A_journal_frame_that_cannot_be_applied_stops_the_open_with_a_message_naming_the_journal()
    {
        using (_directory.Open())
        {
        }

        // A whole frame (its CRC holds) with a change no version of the host writes.
        var payload = BsonSerializer.Serialize(new BsonDocument { ["o"] = "??", ["c"] = "state" });
        var frame = new byte[16 + payload.Length];
        BitConverter.TryWriteBytes(frame.AsSpan(0, 4), payload.Length);
        BitConverter.TryWriteBytes(frame.AsSpan(8, 8), 1L);
        payload.CopyTo(frame, 16);
        BitConverter.TryWriteBytes(frame.AsSpan(4, 4), System.IO.Hashing.Crc32.HashToUInt32(frame.AsSpan(8)));
        await File.WriteAllBytesAsync(WriteJournal.PathOf(_directory.DatabaseFile, 0), frame, TestContext.Current.CancellationToken);

        var error = Assert.Throws<StorageOpenException>(() => _directory.Open());
        Assert.Contains("integrationbot-journal-0.db", error.Message);
    }

    [Fact]
    public async Task A_failed_write_keeps_the_writes_journaled_before_it_and_leaves_nothing_of_its_own()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = OpenDeferred(_directory);
        await database.WriteAsync(db => db.GetCollection("lines").Insert(new BsonDocument { ["_id"] = 1 }), ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync<int>(
            db =>
            {
                db.GetCollection("lines").Insert(new BsonDocument { ["_id"] = 2 });
                throw new InvalidOperationException("the write fails after a change");
            },
            ct));
        await database.WriteAsync(db => db.GetCollection("lines").Insert(new BsonDocument { ["_id"] = 3 }), ct);

        Assert.Equal([1, 3], await database.ReadAsync(db => db.GetCollection("lines").FindAll().Select(d => d["_id"].AsInt32).Order().ToList(), ct));
    }

    [Fact]
    public async Task A_read_sees_every_write_journaled_before_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = OpenDeferred(_directory);
        for (var i = 1; i <= 5; i++)
        {
            await database.WriteAsync(db => db.GetCollection("lines").Insert(new BsonDocument { ["_id"] = i }), ct);
        }

        Assert.Equal(5, await database.ReadAsync(db => db.GetCollection("lines").Count(), ct));
        Assert.Equal(1, database.Journal!.Commits);
        Assert.False(database.Journal.IsOpen);
    }

    [Fact]
    public async Task A_read_waiting_for_its_turn_sees_a_write_that_completed_before_it_ran()
    {
        // As the web chat resend check does: memory says a message is pending until its write completed, then the
        // file must show it. A read that decided how to read before the write was journaled read only what LiteDB had
        // committed, and found it nowhere (a resend got a second line in AbortedDeliveryCrashTests).
        var ct = TestContext.Current.CancellationToken;
        using var database = OpenDeferred(_directory);
        using var release = new ManualResetEventSlim();
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = database.WriteAsync(
            db =>
            {
                inside.TrySetResult();
                release.Wait(ct);
                return db.GetCollection("lines").Insert(new BsonDocument { ["_id"] = 1 });
            },
            ct);
        await inside.Task.WaitAsync(ct);
        var completed = write.ContinueWith(_ => { }, ct, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // Asked while the write runs (nothing journaled yet), run once the write completed.
        var read = database.ReadAsync(
            db =>
            {
                completed.Wait(ct);
                return db.GetCollection("lines").Count();
            },
            ct);
        release.Set();

        Assert.Equal(1, await read.WaitAsync(TimeSpan.FromSeconds(30), ct));
    }

    [Fact]
    public async Task A_read_of_documents_no_pending_write_changed_does_not_wait_for_LiteDBs_commit()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = OpenDeferred(_directory);
        await database.WriteAsync(db => db.GetCollection("state").Insert(new BsonDocument { ["_id"] = "a", ["v"] = 1 }), ct);
        Assert.Equal(1, await database.ReadAsync(db => db.GetCollection("state").Count(), ct));
        await database.WriteAsync(db => db.GetCollection("state").Update(new BsonDocument { ["_id"] = "a", ["v"] = 2 }), ct);
        await database.WriteAsync(db => db.GetCollection("state").Insert(new BsonDocument { ["_id"] = "b", ["v"] = 1 }), ct);

        // A new conversation's state: not written since LiteDB's commit, so the file already shows what there is.
        Assert.Null(await database.ReadDocumentsAsync("state", ["c"], db => db.GetCollection("state").FindById("c"), ct));
        Assert.Equal(1, database.Journal!.Commits);

        // A document a pending write changed: read on the writer thread, inside LiteDB's open transaction, it shows the
        // change without a commit.
        Assert.Equal(2, (await database.ReadDocumentsAsync("state", ["a"], db => db.GetCollection("state").FindById("a"), ct))["v"].AsInt32);
        Assert.Equal(1, database.Journal.Commits);
        Assert.True(database.Journal.IsOpen);
    }

    [Fact]
    public async Task A_write_returns_only_after_a_journal_fsync_that_started_after_its_frame()
    {
        var ct = TestContext.Current.CancellationToken;
        var syncs = new SyncRecorder(WriteJournal.PathOf(_directory.DatabaseFile, 0));
        using var database = LiteDbDatabaseFactory.Open(_directory.Options(), syncs.Decorate, Never, commitEveryBatches: int.MaxValue);

        for (var i = 0; i < 5; i++)
        {
            await database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = i }), ct);

            // LiteDB has not committed, so the frames stay in the first file; every byte of it was there when a finished fsync started.
            var journaled = new FileInfo(WriteJournal.PathOf(_directory.DatabaseFile, 0)).Length;
            Assert.True(journaled > 0);
            Assert.True(syncs.Covered >= journaled, $"write {i} returned with {journaled} journal bytes but syncs covered only {syncs.Covered}");
        }
    }

    [Fact]
    public async Task Concurrent_writes_share_journal_fsyncs()
    {
        var ct = TestContext.Current.CancellationToken;
        var syncs = new SyncRecorder(WriteJournal.PathOf(_directory.DatabaseFile, 0)).Holding();
        using var database = LiteDbDatabaseFactory.Open(_directory.Options(), syncs.Decorate, Never, commitEveryBatches: int.MaxValue);
        await syncs.WriteConcurrentlyWhileTheFirstSyncIsHeldAsync(database, 20, ct);

        Assert.InRange(syncs.Finished, 1, 3);
        Assert.True(syncs.Covered >= new FileInfo(WriteJournal.PathOf(_directory.DatabaseFile, 0)).Length);
    }

    [Fact]
    public async Task A_checkpoint_empties_the_journal_so_erased_text_is_in_no_file()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = OpenDeferred(_directory);
        await database.WriteAsync(db => db.GetCollection("transcript").Insert(new BsonDocument { ["_id"] = 1, ["text"] = "my passport number is X123" }), ct);
        Assert.True(database.Journal!.Files.Length > 0);

        await database.WriteAsync(db => db.GetCollection("transcript").Delete(1), ct);
        database.Checkpoint();

        Assert.Equal(0, database.Journal.Files.Length);
        foreach (var path in database.Journal.Files.Paths)
        {
            Assert.Equal(0, new FileInfo(path).Length);
        }
    }

    [Theory]
    [InlineData("fsync")]
    [InlineData("os")]
    public async Task The_journal_forgets_frames_once_LiteDB_committed_them(string durability)
    {
        var ct = TestContext.Current.CancellationToken;
        // LiteDB commits every two batches here, so the journal has frames to forget while writes go on.
        var options = _directory.Options();
        options.Durability = durability;
        using var database = LiteDbDatabaseFactory.Open(options, sync => sync, Never, commitEveryBatches: 2);
        for (var i = 1; i <= 6; i++)
        {
            await database.WriteAsync(db => db.GetCollection("lines").Insert(new BsonDocument { ["_id"] = i }), ct);
        }

        // LiteDB commits right after the batch's callers are told; its fsync runs on its own thread, and the writer
        // then empties the files it covers.
        await SyncRecorder.EventuallyAsync(() => database.Journal!.Commits == 3 && database.Journal.Files.Length == 0, ct);
    }

    [Fact]
    public async Task A_file_with_a_password_is_not_journaled()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = LiteDbDatabaseFactory.Open(_directory.Options("secret"));
        await database.WriteAsync(db => db.GetCollection("lines").Insert(new BsonDocument { ["_id"] = 1, ["text"] = "plain" }), ct);

        Assert.Null(database.Journal);
        Assert.False(File.Exists(WriteJournal.PathOf(_directory.DatabaseFile, 0)));
    }

    public void Dispose()
    {
        _directory.Dispose();
        _crash.Dispose();
    }

    private static SharedLiteDatabase OpenDeferred(TempDataDirectory directory) =>
        LiteDbDatabaseFactory.Open(directory.Options(), sync => sync, Never, commitEveryBatches: int.MaxValue);

    private void CopyAsCrash() => _directory.CopyAsCrashTo(_crash);
}
