using System.Globalization;
using System.Runtime.Versioning;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Bot.Tests.Privacy;

/// <summary>
/// The data folder holds every person's messages and the keys of their tokens: whatever the host and the libraries it
/// runs create there (LiteDB's files, the write journal, the lock, Data Protection's keys) is for the server's user
/// only, and a folder an older version left open to the machine's other users is closed at start.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DataFolderModeTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string PermissionsCategory = "IntegrationBot.Bot.Hosting.DataFolderPermissions";

    [Fact]
    public async Task A_host_started_without_a_data_folder_creates_it_and_everything_in_it_for_its_own_user_only()
    {
        var ct = TestContext.Current.CancellationToken;
        using var parent = new TempDataDirectory();
        var data = Path.Combine(parent.Path, "data");
        var logs = new CapturingLoggerProvider();
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Storage:Path"] = data }, logs);
        for (var person = 0; person < 2; person++)
        {
            var chat = await host.OpenChatAsync(ct);
            for (var n = 0; n < 3; n++)
            {
                var id = await ChatHost.IdOfAsync(await host.SendAsync(chat, $"where can I learn Slovenian? {person}-{n}", ct), ct);
                await host.ReplyToAsync(chat, id, ct);
            }
        }

        var names = Entries(data).Select(e => Path.GetRelativePath(data, e)).ToList();
        // Each creator is there: our lock and journal, LiteDB's data file and log, Data Protection's key ring.
        Assert.Superset(
            new HashSet<string> { "integrationbot.db", "integrationbot-log.db", "integrationbot.db.lock", "integrationbot-journal-0.db", "keys" },
            names.ToHashSet());
        Assert.Contains(names, n => n.StartsWith("keys/key-", StringComparison.Ordinal));
        var open = Open(data);
        Assert.True(open.Count == 0, "open to other users: " + string.Join(", ", open));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(PermissionsCategory, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_data_folder_an_older_version_left_readable_by_everyone_is_closed_at_start_and_said_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var parent = new TempDataDirectory();
        var data = Path.Combine(parent.Path, "data");
        var settings = new Dictionary<string, string> { ["IntegrationBot:Storage:Path"] = data };
        WebChat chat;
        await using (var before = new ChatHost(settings))
        {
            chat = await before.OpenChatAsync(ct);
            var id = await ChatHost.IdOfAsync(await before.SendAsync(chat, "where can I learn Slovenian?", ct), ct);
            await before.ReplyToAsync(chat, id, ct);
            await before.StopAsync();
        }

        // As the older version left it (umask 022): folders 0755, files 0644.
        foreach (var entry in Entries(data))
        {
            System.IO.File.SetUnixFileMode(entry, Directory.Exists(entry) ? Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute : File | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var wasOpen = Open(data).Count;
        Assert.True(wasOpen >= 4, $"only {wasOpen} entries to close, so the test proves little");

        var logs = new CapturingLoggerProvider();
        await using var after = new ChatHost(settings, logs);

        var open = Open(data);
        Assert.True(open.Count == 0, "still open to other users: " + string.Join(", ", open));
        var said = Assert.Single(logs.Lines, l => l.Contains(PermissionsCategory, StringComparison.Ordinal));
        Assert.StartsWith("Warning", said, StringComparison.Ordinal);
        Assert.Contains(data, said, StringComparison.Ordinal);
        Assert.Contains("Restricted=" + wasOpen.ToString(CultureInfo.InvariantCulture) + ";", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Slovenian", said, StringComparison.Ordinal);
        // The keys and the file still serve the page that wrote before.
        var texts = (await after.ActivitiesAsync(chat, ct)).Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null);
        Assert.Contains("where can I learn Slovenian?", texts);
    }

    /// <summary>The folder and every entry under it.</summary>
    private static List<string> Entries(string data) =>
        [data, .. Directory.EnumerateFileSystemEntries(data, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })];

    /// <summary>Entries that are not exactly 0700 (folders) or 0600 (files), with their mode.</summary>
    private static List<string> Open(string data) =>
    [
        .. Entries(data)
            .Select(e => (Entry: e, Mode: System.IO.File.GetUnixFileMode(e), Wanted: Directory.Exists(e) ? Folder : File))
            .Where(e => e.Mode != e.Wanted)
            .Select(e => $"{Path.GetRelativePath(data, e.Entry)} {Convert.ToString((int)e.Mode, 8)}"),
    ];
}
