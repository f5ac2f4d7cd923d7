using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>
/// An operator's backup of a running host (docs/reliability.md, "Backup and restore"): <c>backup FOLDER</c> while people
/// write, then a host started on each backup shows every message acknowledged before the backup began, to the same
/// pages (the backup carries the keys of their tokens).
/// </summary>
public sealed class OnlineBackupTests
{
    private const int People = 30;
    private const int Backups = 3;

    [Fact]
    public async Task Backups_made_with_the_command_while_people_write_restore_every_acknowledged_message()
    {
        var ct = TestContext.Current.CancellationToken;
        using var backups = new TempFolder();
        await using var host = await HostProcess.StartAsync(CrashRecoveryTests.Settings);
        await LocalAdminTokenAsync(host, ct);
        using var client = new DirectLineHttp(host.BaseAddress);
        var conversations = await Task.WhenAll(Enumerable.Range(0, People).Select(_ => client.OpenAsync(ct)));
        var acknowledged = new ConcurrentDictionary<SentMessage, long>();
        using var stop = new CancellationTokenSource();
        var people = conversations.Select((conversation, person) => Task.Run(
            async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var message = new SentMessage(conversation, $"backup-test {person}-{n}: where can I learn Slovenian?");
                    message.AcceptedId = await client.PostAsync(conversation, message.Text, message.ClientActivityId, CancellationToken.None);
                    if (message.AcceptedId is not null)
                    {
                        acknowledged[message] = Stopwatch.GetTimestamp();
                    }
                }
            },
            ct)).ToList();

        var taken = new List<(string Folder, IReadOnlyList<SentMessage> Expected, TimeSpan Took)>();
        for (var backup = 1; backup <= Backups; backup++)
        {
            while (acknowledged.Count < backup * 150)
            {
                await Task.Delay(20, ct);
            }

            var began = Stopwatch.GetTimestamp();
            var expected = acknowledged.Where(a => a.Value < began).Select(a => a.Key).ToList();
            var folder = Path.Combine(backups.Path, $"backup-{backup}");
            var (exit, output) = await Cli.RunAsync(host.DataPath, "", "backup", folder);
            Assert.True(exit == 0, output);
            Assert.Contains($"Backup written to {folder}", output, StringComparison.Ordinal);
            taken.Add((folder, expected, Stopwatch.GetElapsedTime(began)));
        }

        await stop.CancelAsync();
        await Task.WhenAll(people);
        var duringBackups = acknowledged.Count;
        await host.TerminateAsync(TimeSpan.FromSeconds(60));

        foreach (var (folder, expected, took) in taken)
        {
            // The restore: a host started on the backup as its data folder.
            await using var restored = await HostProcess.StartAsync(CrashRecoveryTests.Settings, dataPath: folder);
            using var reader = new DirectLineHttp(restored.BaseAddress);
            var missing = new List<string>();
            foreach (var person in expected.GroupBy(m => m.Conversation))
            {
                var texts = (await reader.ActivitiesAsync(person.Key, ct)).Where(IsFromThePerson).Select(a => a.GetProperty("text").GetString()).ToHashSet();
                missing.AddRange(person.Where(m => !texts.Contains(m.Text)).Select(m => m.Text));
            }

            Assert.True(missing.Count == 0, $"{Path.GetFileName(folder)}: {missing.Count} of {expected.Count} acknowledged messages missing, e.g. {string.Join(", ", missing.Take(5))}");
            TestContext.Current.TestOutputHelper?.WriteLine($"{Path.GetFileName(folder)}: {expected.Count} messages acknowledged before it began, all restored; the command took {took.TotalSeconds:F1} s");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{duringBackups} messages acknowledged in all while {Backups} backups were made");
    }

    [Fact]
    public async Task The_backup_endpoint_refuses_folders_it_cannot_use_with_4xx_and_anyone_without_the_token_with_404()
    {
        var ct = TestContext.Current.CancellationToken;
        using var backups = new TempFolder();
        await using var host = await HostProcess.StartAsync();
        var token = await LocalAdminTokenAsync(host, ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        async Task<HttpStatusCode> PostAsync(object body, string? withToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/local-admin/backups") { Content = JsonContent.Create(body) };
            if (withToken is not null)
            {
                request.Headers.Add("X-Local-Admin-Token", withToken);
            }

            using var response = await http.SendAsync(request, ct);
            return response.StatusCode;
        }

        var folder = Path.Combine(backups.Path, "tonight");
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(new { folder }, withToken: null));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(new { folder }, withToken: "not-the-token"));
        Assert.False(Path.Exists(folder));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(new { }, token));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(new { folder = "tonight" }, token));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(new { folder = Path.Combine(backups.Path, "no-such-parent", "tonight") }, token));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(new { folder }, token));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync(new { folder }, token));
        Assert.True(File.Exists(Path.Combine(folder, "integrationbot.db")));
    }

    private static bool IsFromThePerson(JsonElement activity) =>
        activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.GetString() == "user";

    // The server writes its local admin address and token once it listens; the command needs them.
    private static async Task<string> LocalAdminTokenAsync(HostProcess host, CancellationToken ct)
    {
        var file = Path.Combine(host.DataPath, "local-admin.token");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (File.Exists(file) && await File.ReadAllLinesAsync(file, ct) is [_, var token, ..])
            {
                return token.Trim();
            }

            Assert.True(DateTime.UtcNow < deadline, "the server wrote no local-admin.token within 60 s");
            await Task.Delay(50, ct);
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ib-backups-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
