using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using IntegrationBot.Bot.Cli;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.TestSupport;
using LiteDB;
using Microsoft.Extensions.Configuration;

namespace IntegrationBot.Bot.Tests.Cli;

/// <summary>
/// <c>restore FOLDER</c>: a backup made by <c>backup</c> becomes the data folder of a stopped host, the folder it replaces
/// is kept beside it; a running host, a partial backup or a copy of a host's files is refused and nothing moves.
/// </summary>
public sealed class RestoreCommandTests : IDisposable
{
    // Four people writing without pause stay under the limits.
    private static readonly Dictionary<string, string> Unlimited = new()
    {
        ["IntegrationBot:Limits:MessagesPerUserPerMinute"] = "100000",
        ["IntegrationBot:Limits:MessagesPerIpPerMinute"] = "100000",
    };

    private readonly TempDataDirectory _data = new();
    private readonly TempDataDirectory _backups = new();
    private readonly List<string> _kept = [];

    [Fact]
    public async Task A_backup_made_while_a_host_wrote_is_restored_and_a_host_on_it_shows_every_message_acknowledged_before_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(_backups.Path, "monday");
        var acknowledged = new ConcurrentDictionary<string, long>();
        IReadOnlyList<WebChat> chats;
        List<string> expected;
        string data;
        await using (var host = new ChatHost(Unlimited))
        {
            data = host.DataPath;
            chats = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.OpenChatAsync(ct)));
            using var stop = new CancellationTokenSource();
            var people = chats.Select((chat, person) => Task.Run(
                async () =>
                {
                    for (var n = 0; !stop.IsCancellationRequested; n++)
                    {
                        var text = $"restore-test {person}-{n}: where can I learn Slovenian?";
                        using var posted = await host.SendAsync(chat, text, CancellationToken.None);
                        if (posted.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged[text] = Stopwatch.GetTimestamp();
                        }
                    }
                },
                ct)).ToList();

            await UntilAsync(() => acknowledged.Count >= 40, "40 messages acknowledged", ct);
            var began = Stopwatch.GetTimestamp();
            expected = [.. acknowledged.Where(a => a.Value < began).Select(a => a.Key)];
            var backup = await host.Get<IStoreBackup>().BackUpAsync(folder, ct);
            Assert.True(backup.Status == StoreBackupStatus.Written, backup.Problem);
            var atBackup = acknowledged.Count;
            await UntilAsync(() => acknowledged.Count >= atBackup + 20, "20 messages acknowledged after the backup", ct);
            await stop.CancelAsync();
            await Task.WhenAll(people);
            await host.StopAsync();

            var (exit, output, error) = await CliRun.RunAsync(data, "", "restore", folder);

            Assert.True(exit == ExitCodes.Ok, error);
            Assert.Contains($"Restored {folder} into {data}: integrationbot.db", output, StringComparison.Ordinal);
            var kept = Assert.Single(Siblings(data, ".before-restore-"));
            _kept.Add(kept);
            Assert.Contains($"kept at {kept}", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(kept, StorageOptions.FileName)));
            Assert.DoesNotContain("restore-test", output + error, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
                foreach (var file in Directory.GetFiles(data, "*", SearchOption.AllDirectories))
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                }
            }

            // The restored host reads the conversations with the pages' own tokens: the backup carried the keys.
            await using var restored = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Storage:Path"] = data });
            var missing = new List<string>();
            for (var person = 0; person < chats.Count; person++)
            {
                var texts = (await restored.ActivitiesAsync(chats[person], ct)).Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null).ToHashSet();
                missing.AddRange(expected.Where(e => e.StartsWith($"restore-test {person}-", StringComparison.Ordinal) && !texts.Contains(e)));
            }

            Assert.True(missing.Count == 0, $"{missing.Count} of {expected.Count} messages acknowledged before the backup missing, e.g. {string.Join(", ", missing.Take(3))}");
            TestContext.Current.TestOutputHelper?.WriteLine($"{expected.Count} messages acknowledged before the backup began, all restored; {acknowledged.Count} acknowledged in all");
        }
    }

    [Fact]
    public async Task A_running_host_keeps_its_folder_and_the_restore_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(_backups.Path, "monday");
        await using var host = new ChatHost();
        var backup = await host.Get<IStoreBackup>().BackUpAsync(folder, ct);
        Assert.Equal(StoreBackupStatus.Written, backup.Status);

        var (exit, _, error) = await CliRun.RunAsync(host.DataPath, "", "restore", folder);

        Assert.Equal(ExitCodes.StorageUnavailable, exit);
        Assert.Equal($"error: nothing restored: a host is running on {host.DataPath} (it holds integrationbot.db.lock); stop it and wait until it has exited.", error.TrimEnd());
        Assert.Empty(Siblings(host.DataPath, "."));
        using var posted = await host.SendAsync(await host.OpenChatAsync(ct), "still here", ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    [Fact]
    public async Task A_host_running_on_the_backup_folder_is_refused()
    {
        var folder = await BackupOfAsync("kept");
        using var running = LiteDbDatabaseFactory.Open(new StorageOptions { Path = folder });

        var (exit, _, error) = await CliRun.RunAsync(_data.Path, "", "restore", folder);

        Assert.Equal(ExitCodes.StorageUnavailable, exit);
        Assert.Contains($"a host is running on the backup folder {folder}", error, StringComparison.Ordinal);
        Assert.Equal("current", await ReadProbeAsync(_data.Path));
    }

    [Theory]
    [InlineData("unfinished", "is an unfinished backup")]
    [InlineData("cut short", "is cut short")]
    [InlineData("no database", "holds no integrationbot.db, so it is not a backup made by the backup command")]
    [InlineData("journal", "holds integrationbot-journal-0.db with writes that are not in integrationbot.db")]
    [InlineData("log", "holds integrationbot-log.db with writes that are not in integrationbot.db")]
    [InlineData("missing", "there is no folder")]
    public async Task A_partial_backup_or_a_copy_of_a_hosts_files_is_refused_and_nothing_moves(string damage, string reason)
    {
        var folder = await BackupOfAsync("kept");
        var file = Path.Combine(folder, StorageOptions.FileName);
        switch (damage)
        {
            case "unfinished":
                var unfinished = folder + ".partial-0123abcd";
                Directory.Move(folder, unfinished);
                folder = unfinished;
                break;
            case "cut short":
                using (var stream = new FileStream(file, FileMode.Open))
                {
                    stream.SetLength(stream.Length / 2 + 100);
                }

                break;
            case "no database":
                File.Delete(file);
                break;
            case "journal":
                await File.WriteAllBytesAsync(Path.Combine(folder, "integrationbot-journal-0.db"), new byte[64], TestContext.Current.CancellationToken);
                break;
            case "log":
                await File.WriteAllBytesAsync(Path.Combine(folder, "integrationbot-log.db"), new byte[8192], TestContext.Current.CancellationToken);
                break;
            default:
                folder = Path.Combine(_backups.Path, "no-such-backup");
                break;
        }

        var (exit, output, error) = await CliRun.RunAsync(_data.Path, "", "restore", folder);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Empty(output);
        Assert.StartsWith($"error: nothing restored into {_data.Path}: ", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Empty(Siblings(_data.Path, "."));
        Assert.Equal("current", await ReadProbeAsync(_data.Path));
    }

    [Fact]
    public async Task An_encrypted_backup_is_refused_without_its_password_before_anything_moves_and_restored_with_it()
    {
        var folder = await BackupOfAsync("secret", password: "backup-password");

        var (exit, _, error) = await CliRun.RunAsync(_data.Path, "", "restore", folder);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains($"Cannot open the database file '{Path.Combine(folder, StorageOptions.FileName)}': the password is wrong or missing", error, StringComparison.Ordinal);
        Assert.Empty(Siblings(_data.Path, "."));

        (exit, _, error) = await RunWithPasswordAsync(folder, "backup-password");
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal("secret", await ReadProbeAsync(_data.Path, "backup-password"));
        Assert.Single(Siblings(_data.Path, ".before-restore-"));
    }

    [Fact]
    public async Task Into_a_data_folder_that_does_not_exist_yet_the_backup_is_put_in_place()
    {
        var folder = await BackupOfAsync("kept");
        var data = Path.Combine(_data.Path, "new-server");

        var (exit, output, error) = await CliRun.RunAsync(data, "", "restore", folder);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains($"There was no data folder at {data}; nothing was moved aside.", output, StringComparison.Ordinal);
        Assert.Equal("kept", await ReadProbeAsync(data));
    }

    [Fact]
    public async Task Without_a_folder_the_usage_is_shown()
    {
        var (exit, _, error) = await CliRun.RunAsync(_data.Path, "", "restore");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("restore FOLDER", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var sibling in Siblings(_data.Path, ".").Concat(_kept))
        {
            Directory.Delete(sibling, recursive: true);
        }

        _data.Dispose();
        _backups.Dispose();
    }

    /// <summary>A backup made by the command of a database whose probe says <paramref name="text"/>; the data folder's says "current".</summary>
    private async Task<string> BackupOfAsync(string text, string? password = null)
    {
        var ct = TestContext.Current.CancellationToken;
        using var source = new TempDataDirectory();
        using (var database = source.Open(password))
        {
            await database.WriteAsync(db => db.GetCollection("probe").Insert(new BsonDocument { ["_id"] = 1, ["text"] = text }), ct);
        }

        using (var current = _data.Open())
        {
            await current.WriteAsync(db => db.GetCollection("probe").Upsert(new BsonDocument { ["_id"] = 1, ["text"] = "current" }), ct);
        }

        var folder = Path.Combine(_backups.Path, text);
        var (exit, _, error) = password is null
            ? await CliRun.RunAsync(source.Path, "", "backup", folder)
            : await RunWithPasswordAsync(folder, password, source.Path, "backup");
        Assert.True(exit == ExitCodes.Ok, error);
        return folder;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunWithPasswordAsync(string folder, string password, string? dataPath = null, string command = "restore")
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["IntegrationBot:Storage:Path"] = dataPath ?? _data.Path,
                ["IntegrationBot:Storage:Password"] = password,
            })
            .Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync([command, folder], new CliContext(TextReader.Null, output, error, configuration), TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<string> ReadProbeAsync(string data, string? password = null)
    {
        using var database = LiteDbDatabaseFactory.Open(new StorageOptions { Path = data, Password = password });
        return (await database.ReadAsync(db => db.GetCollection("probe").FindById(1), TestContext.Current.CancellationToken))["text"].AsString;
    }

    // Folders next to the data folder whose names start with its own: what restore keeps or leaves.
    private static string[] Siblings(string data, string suffix) =>
        [.. Directory.GetDirectories(Path.GetDirectoryName(data)!).Where(d => Path.GetFileName(d).StartsWith(Path.GetFileName(data) + suffix, StringComparison.Ordinal))];

    private static async Task UntilAsync(Func<bool> condition, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within 90 s: {what}");
            await Task.Delay(20, ct);
        }
    }
}
