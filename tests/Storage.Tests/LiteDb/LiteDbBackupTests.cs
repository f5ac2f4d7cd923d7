using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Backup;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.TestSupport;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Storage.Tests.LiteDb;

/// <summary>The <c>backup</c> command's work on the LiteDB file: a new data folder the host can start on, or a clear refusal.</summary>
public sealed class LiteDbBackupTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly TempDataDirectory _backups = new();

    [Fact]
    public async Task A_backup_is_a_new_folder_with_the_database_and_the_keys_readable_by_the_owner_only()
    {
        var ct = TestContext.Current.CancellationToken;
        var keys = Directory.CreateDirectory(Path.Combine(_directory.Path, "keys"));
        await File.WriteAllTextAsync(Path.Combine(keys.FullName, "key-1.xml"), "<key id=\"1\" />", ct);
        var folder = Path.Combine(_backups.Path, "2026-03-01");
        StoreBackup result;
        using (var database = _directory.Open())
        {
            await database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = 1, ["text"] = "kept" }), ct);
            using var backup = Backup(database);
            result = await backup.BackUpAsync(folder, ct);
        }

        Assert.Equal(StoreBackupStatus.Written, result.Status);
        Assert.Equal(folder, result.Folder);
        Assert.Equal(1, result.KeyFiles);
        Assert.Equal(new FileInfo(Path.Combine(folder, StorageOptions.FileName)).Length, result.DatabaseBytes);
        Assert.Equal("<key id=\"1\" />", await File.ReadAllTextAsync(Path.Combine(folder, "keys", "key-1.xml"), ct));
        Assert.Equal([folder], Directory.GetFileSystemEntries(_backups.Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, StorageOptions.FileName)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "keys", "key-1.xml")));
        }

        using var restored = LiteDbDatabaseFactory.Open(new StorageOptions { Path = folder });
        Assert.Equal("kept", (await restored.ReadAsync(db => db.GetCollection("probe").FindById(1), ct))["text"].AsString);
    }

    [Theory]
    [InlineData("")]
    [InlineData("backups/today")]
    [InlineData("/no-such-folder-for-integrationbot/today")]
    public async Task A_folder_that_is_not_absolute_or_has_no_parent_is_refused_and_nothing_is_written(string folder)
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = _directory.Open();
        using var backup = Backup(database);

        var result = await backup.BackUpAsync(folder, ct);

        Assert.Equal(StoreBackupStatus.Refused, result.Status);
        Assert.False(string.IsNullOrEmpty(result.Problem));
        Assert.False(Path.IsPathFullyQualified(folder) && Path.Exists(folder));
    }

    [Fact]
    public async Task An_existing_folder_is_a_conflict_and_stays_as_it_was()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateDirectory(Path.Combine(_backups.Path, "yesterday")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, StorageOptions.FileName), "yesterday's backup", ct);
        using var database = _directory.Open();
        using var backup = Backup(database);

        var result = await backup.BackUpAsync(folder, ct);

        Assert.Equal(StoreBackupStatus.Conflict, result.Status);
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(Path.Combine(folder, StorageOptions.FileName), ct));
        Assert.Equal([folder], Directory.GetFileSystemEntries(_backups.Path));
    }

    [Fact]
    public async Task A_second_backup_while_one_is_being_made_is_a_conflict()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = _directory.Open();
        using var backup = Backup(database);
        // The writer busy with something long (an index build): the first backup's checkpoint waits behind it.
        using var release = new ManualResetEventSlim();
        var busy = new PendingSetup(_ => release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None));
        database.Writer.Enqueue(busy);
        var first = backup.BackUpAsync(Path.Combine(_backups.Path, "first"), ct);

        var second = await backup.BackUpAsync(Path.Combine(_backups.Path, "second"), ct);

        release.Set();
        Assert.Equal(StoreBackupStatus.Conflict, second.Status);
        Assert.Equal(StoreBackupStatus.Written, (await first.WaitAsync(TimeSpan.FromSeconds(30), ct)).Status);
        Assert.False(Path.Exists(Path.Combine(_backups.Path, "second")));
    }

    public void Dispose()
    {
        _directory.Dispose();
        _backups.Dispose();
    }

    private LiteDbBackup Backup(SharedLiteDatabase database) =>
        new(database, Options.Create(_directory.Options()), TimeProvider.System, NullLogger<LiteDbBackup>.Instance);
}
