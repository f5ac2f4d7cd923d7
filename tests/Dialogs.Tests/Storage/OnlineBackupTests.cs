using System.Diagnostics;
using System.Security.Cryptography;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.TestSupport;
using LiteDB;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>
/// A copy of the LiteDB file taken while the host writes (<see cref="SharedLiteDatabase.CopyDataFileAsync"/>, the
/// <c>backup</c> command) holds every write acknowledged before it began and opens, whatever checkpoints run meanwhile;
/// copying the files one after another, as the docs once said, does not.
/// </summary>
public sealed class OnlineBackupTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    [Fact]
    public async Task Copying_the_files_one_after_another_loses_acknowledged_turns_when_a_checkpoint_falls_between_them()
    {
        var ct = TestContext.Current.CancellationToken;
        using var copy = new TempDataDirectory();
        using (var database = _directory.Open())
        {
            for (var id = 1L; id <= 50; id++)
            {
                await database.WriteAsync(db => db.GetCollection(AcknowledgedWrites.Collection).Insert(new BsonDocument { ["_id"] = id }), ct);
            }

            // The procedure docs/knowledge-editing.md gave: integrationbot.db first, then its log and the journal. Between
            // two of those copies LiteDB checkpoints (on its own every 1,000 log pages, or 1 s after an erasure).
            CopyInto(copy, _directory.DatabaseFile);
            database.Checkpoint();
            CopyInto(copy, LiteDbDatabaseFactory.LogFilePath(_directory.DatabaseFile));
            CopyInto(copy, WriteJournal.PathOf(_directory.DatabaseFile, 0));
            CopyInto(copy, WriteJournal.PathOf(_directory.DatabaseFile, 1));
        }

        // The data file was copied before the turns reached it, the log and the journal after they were emptied.
        using var restored = copy.Open();
        Assert.Empty(await AcknowledgedWrites.IdsInAsync(restored, ct));
    }

    [Fact]
    public async Task Backups_taken_under_load_while_checkpoints_run_hold_every_write_acknowledged_before_they_began()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = _directory.Open();
        // Checkpoints far more often than the host's (LiteDB's every 1,000 log pages, the erasure's): each is a moment a
        // copy of the files tears.
        database.Setup(db => db.CheckpointSize = 1);
        await FillAsync(database, megabytes: 8, ct);
        await using var load = AcknowledgedWrites.Start(database, writers: 8);
        await load.UntilAsync(300, ct);
        using var stopCheckpoints = new CancellationTokenSource();
        var checkpoints = Task.Run(
            async () =>
            {
                while (!stopCheckpoints.IsCancellationRequested)
                {
                    database.Checkpoint();
                    await Task.Delay(1, CancellationToken.None);
                }
            },
            ct);

        for (var backup = 0; backup < 20; backup++)
        {
            var began = Stopwatch.GetTimestamp();
            var acknowledged = load.AcknowledgedBefore(began);
            using var copy = new TempDataDirectory();
            await using (var target = File.Create(copy.DatabaseFile))
            {
                await database.CopyDataFileAsync(target, ct);
            }

            using var restored = copy.Open();
            var present = await AcknowledgedWrites.IdsInAsync(restored, ct);
            var missing = acknowledged.Where(id => !present.Contains(id)).ToList();
            Assert.True(missing.Count == 0, $"backup {backup}: {missing.Count} of {acknowledged.Count} acknowledged writes missing");
        }

        await stopCheckpoints.CancelAsync();
        await checkpoints;
    }

    [Fact]
    public async Task A_checkpoint_due_during_the_copy_waits_for_its_end_while_writes_go_on()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = _directory.Open();
        for (var id = 1L; id <= 200; id++)
        {
            await database.WriteAsync(db => db.GetCollection(AcknowledgedWrites.Collection).Insert(new BsonDocument { ["_id"] = id, ["text"] = new string('x', 1500) }), ct);
        }

        using var copy = new TempDataDirectory();
        Task copying;
        string dataBefore;
        using (var target = new HeldStream(copy.DatabaseFile))
        {
            copying = database.CopyDataFileAsync(target, ct);
            await target.Reached.WaitAsync(TimeSpan.FromSeconds(30), ct);
            dataBefore = DataFileHash();

            // The host goes on: a write is acknowledged while the copy is held half-way.
            await database.WriteAsync(db => db.GetCollection(AcknowledgedWrites.Collection).Insert(new BsonDocument { ["_id"] = 1000L }), ct)
                .WaitAsync(TimeSpan.FromSeconds(30), ct);

            // A checkpoint (LiteDB's own, an erasure's) would rewrite the file under the copy: it waits at the fence.
            var checkpoint = Task.Run(database.Checkpoint, ct);
            await EventuallyAsync(() => database.DataFence!.Waiting == 1, ct);
            Assert.Equal(dataBefore, DataFileHash());
            Assert.False(checkpoint.IsCompleted);

            target.Release();
            await copying.WaitAsync(TimeSpan.FromSeconds(30), ct);
            await checkpoint.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }

        Assert.NotEqual(dataBefore, DataFileHash());
        using var restored = copy.Open();
        var present = await AcknowledgedWrites.IdsInAsync(restored, ct);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), present.Where(id => id <= 200).Order());
    }

    [Fact]
    public async Task A_copy_of_an_encrypted_file_is_encrypted_and_opens_with_the_password_only()
    {
        var ct = TestContext.Current.CancellationToken;
        const string Secret = "Where-can-I-register-my-address";
        using var copy = new TempDataDirectory();
        using (var database = _directory.Open("s3cret"))
        {
            await database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = 1, ["text"] = Secret }), ct);
            await using var target = File.Create(copy.DatabaseFile);
            await database.CopyDataFileAsync(target, ct);
        }

        Assert.DoesNotContain(Secret, await File.ReadAllTextAsync(copy.DatabaseFile, ct), StringComparison.Ordinal);
        Assert.Throws<StorageOpenException>(() => copy.Open().Dispose());
        using var restored = copy.Open("s3cret");
        Assert.Equal(Secret, (await restored.ReadAsync(db => db.GetCollection("probe").FindById(1), ct))["text"].AsString);
    }

    public void Dispose() => _directory.Dispose();

    // A file of some size: copying it takes long enough for checkpoints to fall inside the copy.
    private static async Task FillAsync(SharedLiteDatabase database, int megabytes, CancellationToken ct)
    {
        var text = new string('f', 4000);
        for (var batch = 0; batch < megabytes * 256 / 100; batch++)
        {
            var first = batch * 100;
            await database.WriteAsync(
                db => db.GetCollection("filler").Insert(Enumerable.Range(first, 100).Select(i => new BsonDocument { ["_id"] = i, ["text"] = text })),
                ct);
        }
    }

    private string DataFileHash()
    {
        using var file = new FileStream(_directory.DatabaseFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexString(SHA256.HashData(file));
    }

    private static void CopyInto(TempDataDirectory copy, string file)
    {
        // The host holds its files open for writing, as `cp` finds them.
        using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var target = File.Create(Path.Combine(copy.Path, Path.GetFileName(file)));
        source.CopyTo(target);
    }

    private static async Task EventuallyAsync(Func<bool> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(10, ct);
        }
    }
}
