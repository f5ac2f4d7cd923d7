using System.Net;
using System.Net.Http.Json;
using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.Handoff;

/// <summary>A fresh install: the first admin is created with <c>counselor add</c> while the server runs, and can log in.</summary>
public sealed class FirstAdminTests
{
    [Fact]
    public async Task Counselor_add_while_the_server_runs_creates_an_admin_who_can_log_in()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await HostProcess.StartAsync();
        // The server writes its local admin address once it listens; wait for that signal, not for a time.
        var tokenFile = Path.Combine(host.DataPath, "local-admin.token");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(tokenFile) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
        }

        var (exit, output) = await Cli.RunAsync(host.DataPath, "first-admin-password\n", "counselor", "add", "Ana", "--languages", "sl,en", "--admin");

        Assert.True(exit == 0, output);
        Assert.Contains("Counselor 'Ana' saved (sl,en, admin).", output);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { name = "Ana", password = "first-admin-password" }, ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task The_local_admin_endpoint_refuses_a_request_without_the_token()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await HostProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await http.PostAsJsonAsync("/api/local-admin/counselors", new { name = "Eve", languages = new[] { "en" }, password = "eve-password-1", admin = true }, ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var login = await http.PostAsJsonAsync("/api/auth/login", new { name = "Eve", password = "eve-password-1" }, ct);
        Assert.NotEqual(HttpStatusCode.OK, login.StatusCode);
    }
}
