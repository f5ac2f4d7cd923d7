using System.Net;
using System.Net.Http.Json;
using IntegrationBot.Handoff.Console;
using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>A console session is server-side revocable: a copied cookie stops working once the account changes.</summary>
public sealed class SessionRevocationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Replays a captured session cookie (and its XSRF token) from a fresh client, as an attacker holding a copy would.</summary>
    private static HttpRequestMessage Replay(HttpMethod method, string path, string cookies, string? xsrf, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookies);
        if (xsrf is not null)
        {
            request.Headers.Add(CounselorAuth.XsrfHeader, xsrf);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_after_logout()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password");
        using var maja = await host.LoginAsync("Maja", "maja-password");
        var copy = maja.CookieHeader;
        var xsrf = maja.XsrfToken;

        Assert.Equal(HttpStatusCode.NoContent, (await maja.PostAsync("/api/auth/logout")).StatusCode);

        using var attacker = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.SendAsync(Replay(HttpMethod.Get, "/api/auth/me", copy, null), Ct)).StatusCode);
        var canned = Replay(HttpMethod.Post, "/api/canned-responses", copy, xsrf, new { language = "en", title = "t", text = "t" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.SendAsync(canned, Ct)).StatusCode);
    }

    [Fact]
    public async Task Logout_in_one_browser_ends_the_session_in_another()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password");
        using var office = await host.LoginAsync("Maja", "maja-password");
        using var home = await host.LoginAsync("Maja", "maja-password");

        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync("/api/auth/logout")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await home.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_demoted_admin_with_a_new_password_loses_admin_rights_in_the_open_session()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Boss", "boss-password", admin: true);
        await host.AddCounselorAsync("Root", "root-password", admin: true);
        using var boss = await host.LoginAsync("Boss", "boss-password");
        using var root = await host.LoginAsync("Root", "root-password");
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync("/api/admin/counselors")).StatusCode);

        var demote = await root.PostAsync("/api/admin/counselors", new { name = "Boss", languages = new[] { "en" }, password = "new-password", isAdmin = false });
        Assert.Equal(HttpStatusCode.Created, demote.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await boss.GetAsync("/api/admin/counselors")).StatusCode);
        var newAdmin = await boss.PostAsync("/api/admin/counselors", new { name = "Mallory", languages = new[] { "en" }, password = "mallory-password", isAdmin = true });
        Assert.Equal(HttpStatusCode.Unauthorized, newAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await boss.GetAsync("/api/admin/users/telegram/42/export")).StatusCode);
        Assert.Null(await host.Services.GetRequiredService<CounselorDirectory>().FindAsync("Mallory", Ct));
        using var again = await host.LoginAsync("Boss", "new-password");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/admin/counselors")).StatusCode);
    }

    [Fact]
    public async Task Deactivation_ends_the_open_session_and_refuses_login()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Root", "root-password", admin: true);
        await host.AddCounselorAsync("Maja", "maja-password");
        using var root = await host.LoginAsync("Root", "root-password");
        using var maja = await host.LoginAsync("Maja", "maja-password");

        Assert.Equal(HttpStatusCode.NoContent, (await root.PostAsync("/api/admin/counselors/maja/deactivate")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await maja.GetAsync("/api/auth/me")).StatusCode);
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/auth/login", new { name = "Maja", password = "maja-password" }, xsrf: null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await root.PostAsync("/api/admin/counselors/nobody/deactivate")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_twelve_hours_after_login_however_active_it_stays()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ConsoleHost.StartAsync(time: clock);
        await host.AddCounselorAsync("Maja", "maja-password");
        using var maja = await host.LoginAsync("Maja", "maja-password");

        // Active every 4 hours: the sliding 10-hour window alone would keep this session forever.
        for (var hours = 4; hours <= 8; hours += 4)
        {
            clock.Advance(TimeSpan.FromHours(4));
            Assert.Equal(HttpStatusCode.OK, (await maja.GetAsync("/api/auth/me")).StatusCode);
        }

        clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await maja.GetAsync("/api/auth/me")).StatusCode);
    }
}
