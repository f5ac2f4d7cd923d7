using System.Net;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>An admin changes a colleague's role or languages without choosing a password for them.</summary>
public sealed class DemotionKeepsPasswordTests
{
    /// <summary>Seen walking the counselor journey: to demote Luka, Ana had to type a new password for him (the form and
    /// the API required one), so Luka's own password stopped working and Ana had to pass him a new one. Saved without a
    /// password, an existing account keeps its password; the change still ends the sessions opened before it.</summary>
    [Fact]
    public async Task An_admin_demotes_a_colleague_without_a_password_and_the_colleague_keeps_theirs()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Ana", "ana-password", admin: true, "sl", "en");
        await host.AddCounselorAsync("Luka", "luka-password", admin: true, "en", "ar");
        using var ana = await host.LoginAsync("Ana", "ana-password");
        using var luka = await host.LoginAsync("Luka", "luka-password");

        var demote = await ana.PostAsync("/api/admin/counselors", new { name = "Luka", languages = new[] { "en", "ar" }, isAdmin = false });

        Assert.Equal(HttpStatusCode.Created, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await luka.GetAsync("/api/handoffs?status=waiting")).StatusCode);
        using var again = await host.LoginAsync("Luka", "luka-password");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/admin/counselors")).StatusCode);

        // A new account still needs a password.
        var noPassword = await ana.PostAsync("/api/admin/counselors", new { name = "Besa", languages = new[] { "sq" }, isAdmin = false });
        Assert.Equal(HttpStatusCode.BadRequest, noPassword.StatusCode);
    }
}
