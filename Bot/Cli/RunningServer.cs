using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Bot.Hosting;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Counselors;

namespace IntegrationBot.Bot.Cli;

/// <summary>
/// The server running on this data folder, reached through the address and token it wrote at start
/// (<see cref="LocalAdminAccess"/>): <c>counselor add</c> and <c>backup</c> go through it while the server holds the database.
/// </summary>
internal sealed class RunningServer(Uri address, string token)
{
    /// <summary>The server that runs on <paramref name="dataPath"/>, or null when none wrote its token file.</summary>
    public static RunningServer? Find(string dataPath)
    {
        var file = Path.Combine(dataPath, LocalAdminAccess.FileName);
        if (!File.Exists(file))
        {
            return null;
        }

        var lines = File.ReadAllLines(file);
        return lines.Length >= 2 && Uri.TryCreate(lines[0].Trim(), UriKind.Absolute, out var address) && lines[1].Trim().Length > 0
            ? new RunningServer(address, lines[1].Trim())
            : null;
    }

    public async Task<Counselor> AddCounselorAsync(string name, IEnumerable<string> languages, string password, bool admin, bool editor, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/local-admin/counselors")
        {
            Content = JsonContent.Create(new LocalCounselor(name, [.. languages], password, admin, editor)),
        };
        request.Headers.Add(LocalAdminAccess.TokenHeader, token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadFromJsonAsync<Problem>(cancellationToken);
            throw new ArgumentException(problem?.Error ?? $"the running server refused the account ({(int)response.StatusCode})");
        }

        var saved = await response.Content.ReadFromJsonAsync<Saved>(cancellationToken)
            ?? throw new ArgumentException("the running server sent no answer");
        return new Counselor { Name = saved.Name, Languages = saved.Languages, PasswordHash = string.Empty, IsAdmin = saved.Admin, IsEditor = saved.Editor };
    }

    /// <summary>Asks the server for a backup into <paramref name="folder"/> (absolute); its refusals come back as the outcome.</summary>
    public async Task<StoreBackup> BackUpAsync(string folder, CancellationToken cancellationToken)
    {
        // No timeout of its own: copying a large file takes as long as the disk needs, and the server stops the copy if
        // this command is interrupted.
        using var http = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/local-admin/backups") { Content = JsonContent.Create(new LocalBackup(folder)) };
        request.Headers.Add(LocalAdminAccess.TokenHeader, token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var written = await response.Content.ReadFromJsonAsync<LocalBackupWritten>(cancellationToken)
                ?? throw new InvalidOperationException("the running server sent no answer");
            return new StoreBackup(StoreBackupStatus.Written, written.Folder, DatabaseBytes: written.DatabaseBytes, KeyFiles: written.KeyFiles, Elapsed: TimeSpan.FromMilliseconds(written.Milliseconds));
        }

        // A 404 has no body: the token file is not this server's (a stale file, or another data folder).
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problem = (body.Length > 0 ? JsonSerializer.Deserialize<Problem>(body, JsonSerializerOptions.Web)?.Error : null)
            ?? $"the running server refused the backup ({(int)response.StatusCode})";
        return response.StatusCode switch
        {
            System.Net.HttpStatusCode.Conflict => StoreBackup.Conflict(folder, problem),
            System.Net.HttpStatusCode.BadRequest => StoreBackup.Refused(folder, problem),
            _ => new StoreBackup(StoreBackupStatus.Failed, folder, problem),
        };
    }

    private sealed record Problem(string? Error);

    private sealed record Saved(string Name, IReadOnlyList<string> Languages, bool Admin, bool Editor);
}
