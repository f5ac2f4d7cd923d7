using IntegrationBot.Bot.Cli;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.TestSupport;
using LiteDB;
using Microsoft.Extensions.Configuration;

namespace IntegrationBot.Bot.Tests.Cli;

/// <summary>
/// <c>backup FOLDER</c> with no server running: the command opens the file itself (applying its journal) and writes the
/// backup. With a server running, the server makes it (EndToEnd <c>OnlineBackupTests</c>).
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly TempDataDirectory _backups = new();

    [Fact]
    public async Task A_backup_of_a_stopped_host_holds_its_last_writes_and_says_where_it_is()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var database = _data.Open())
        {
            await database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = 1, ["text"] = "kept" }), ct);
        }

        var folder = Path.Combine(_backups.Path, "monday");

        var (exit, output, error) = await CliRun.RunAsync(_data.Path, "", "backup", folder);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains($"Backup written to {folder}: integrationbot.db", output, StringComparison.Ordinal);
        using var restored = LiteDbDatabaseFactory.Open(new StorageOptions { Path = folder });
        Assert.Equal("kept", (await restored.ReadAsync(db => db.GetCollection("probe").FindById(1), ct))["text"].AsString);
    }

    // Found trying the README's backup with a folder on a file system the host cannot write (here /proc, which refuses
    // even root; a read-only mount does the same): a 10-line stack trace and exit 134 instead of the reason.
    [Fact]
    public async Task A_folder_that_cannot_be_created_is_refused_with_the_reason()
    {
        using (_data.Open())
        {
        }

        var folder = "/proc/integrationbot-backup-" + Guid.NewGuid().ToString("N");

        var (exit, _, error) = await CliRun.RunAsync(_data.Path, "", "backup", folder);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith($"error: no backup written to {folder}: the folder could not be created (", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_folder_is_refused_with_the_reason()
    {
        using (_data.Open())
        {
        }

        var (exit, _, error) = await CliRun.RunAsync(_data.Path, "", "backup", _backups.Path);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains($"no backup written to {_backups.Path}: it exists already", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_folder_without_a_database_is_named_and_nothing_is_created()
    {
        var empty = Path.Combine(_data.Path, "not-the-data-folder");

        var (exit, _, error) = await CliRun.RunAsync(empty, "", "backup", Path.Combine(_backups.Path, "b"));

        Assert.Equal(ExitCodes.StorageUnavailable, exit);
        Assert.Contains("there is no database at", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(empty));
        Assert.Empty(Directory.GetFileSystemEntries(_backups.Path));
    }

    [Theory]
    [InlineData("postgres", "pg_dump")]
    [InlineData("memory", "keeps nothing to back up")]
    public async Task Other_storage_providers_are_pointed_elsewhere(string provider, string advice)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["IntegrationBot:Storage:Path"] = _data.Path,
                ["IntegrationBot:Storage:Provider"] = provider,
                ["IntegrationBot:Storage:ConnectionString"] = "Host=127.0.0.1;Database=none",
            })
            .Build();
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["backup", Path.Combine(_backups.Path, "b")], new CliContext(TextReader.Null, TextWriter.Null, error, configuration), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(advice, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_folder_the_usage_is_shown()
    {
        var (exit, _, error) = await CliRun.RunAsync(_data.Path, "", "backup");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("backup FOLDER", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _data.Dispose();
        _backups.Dispose();
    }
}
