using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Handoff.Counselors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>
/// Managing counselor accounts from the console: the last active admin cannot be removed (nobody could manage
/// accounts after it), a new password keeps the editor role, and the admin page shows and does what it needs.
/// </summary>
public sealed class AccountAdminTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_last_active_admin_can_be_neither_deactivated_nor_demoted()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Root", "root-password", admin: true);
        using var root = await host.LoginAsync("Root", "root-password");

        var deactivate = await root.PostAsync("/api/admin/counselors/root/deactivate");
        var demote = await root.PostAsync("/api/admin/counselors", new { name = "Root", languages = new[] { "en" }, password = "new-password", isAdmin = false });

        Assert.Equal(HttpStatusCode.Conflict, deactivate.StatusCode);
        Assert.Contains("admin", await deactivate.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await root.GetAsync("/api/admin/counselors")).StatusCode);
        var account = await host.Services.GetRequiredService<CounselorDirectory>().FindAsync("Root", Ct);
        Assert.True(account is { IsAdmin: true, Deactivated: false });
        using var again = await host.LoginAsync("Root", "root-password");
    }

    [Fact]
    public async Task With_a_second_admin_one_may_go_and_then_the_other_must_stay()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Root", "root-password", admin: true);
        await host.AddCounselorAsync("Boss", "boss-password", admin: true);
        await host.AddCounselorAsync("Maja", "maja-password");
        using var root = await host.LoginAsync("Root", "root-password");

        Assert.Equal(HttpStatusCode.NoContent, (await root.PostAsync("/api/admin/counselors/boss/deactivate")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await root.PostAsync("/api/admin/counselors/maja/deactivate")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await root.PostAsync("/api/admin/counselors/root/deactivate")).StatusCode);

        // Saving Boss again reactivates the account: then Root may go.
        var back = await root.PostAsync("/api/admin/counselors", new { name = "Boss", languages = new[] { "en" }, password = "boss-password", isAdmin = true });
        Assert.Equal(HttpStatusCode.Created, back.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await root.PostAsync("/api/admin/counselors/root/deactivate")).StatusCode);
    }

    [Fact]
    public async Task The_command_line_refuses_to_demote_the_last_admin()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Root", "root-password", admin: true);
        var error = new StringWriter();

        var code = await CounselorAddCommand.RunAsync(["add", "Root", "--languages", "en"], new StringReader("new-password\n"), TextWriter.Null, error, host.Services.GetRequiredService<CounselorDirectory>(), Ct);

        Assert.Equal(1, code);
        Assert.Contains("admin", error.ToString(), StringComparison.Ordinal);
        Assert.True((await host.Services.GetRequiredService<CounselorDirectory>().FindAsync("Root", Ct))!.IsAdmin);
    }

    [Fact]
    public async Task A_new_password_keeps_the_editor_role_unless_the_admin_changes_it()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Root", "root-password", admin: true);
        var directory = host.Services.GetRequiredService<CounselorDirectory>();
        await directory.AddAsync("Mojca", ["sl"], "mojca-password", admin: false, editor: true, Ct);
        using var root = await host.LoginAsync("Root", "root-password");

        var saved = await root.PostAsync("/api/admin/counselors", new { name = "Mojca", languages = new[] { "sl" }, password = "another-password", isAdmin = false });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.True((await directory.FindAsync("Mojca", Ct))!.IsEditor);

        await root.PostAsync("/api/admin/counselors", new { name = "Mojca", languages = new[] { "sl" }, password = "another-password", isAdmin = false, isEditor = false });
        Assert.False((await directory.FindAsync("Mojca", Ct))!.IsEditor);
        await root.PostAsync("/api/admin/counselors", new { name = "Ana", languages = new[] { "ar" }, password = "ana-password", isAdmin = false, isEditor = true });
        Assert.True((await directory.FindAsync("Ana", Ct))!.IsEditor);
    }

    [Fact]
    public async Task The_admin_list_shows_roles_deactivation_and_a_lockout()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Root", "root-password", admin: true);
        var directory = host.Services.GetRequiredService<CounselorDirectory>();
        await directory.AddAsync("Mojca", ["sl"], "mojca-password", admin: false, editor: true, Ct);
        await host.AddCounselorAsync("Maja", "maja-password");
        await directory.DeactivateAsync("Maja", Ct);
        await host.AddCounselorAsync("Ana", "ana-password");
        await LockOutAsync(host, "Ana");
        using var root = await host.LoginAsync("Root", "root-password");

        var list = await root.Http.GetFromJsonAsync<JsonElement>("/api/admin/counselors", Ct);

        var byName = list.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.True(byName["Mojca"].GetProperty("isEditor").GetBoolean());
        Assert.True(byName["Maja"].GetProperty("deactivated").GetBoolean());
        Assert.Equal(JsonValueKind.String, byName["Ana"].GetProperty("lockedUntil").ValueKind);
        Assert.False(byName["Mojca"].TryGetProperty("lockedUntil", out var none) && none.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task An_admin_unlocks_and_deactivates_from_the_console_page()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        var host = session.Host;
        await session.AddAdminAsync("Root");
        await session.AddCounselorAsync("Ana");
        await session.AddCounselorAsync("Maja");
        await LockOutAsync(host, "Ana");
        var page = await session.LoginAsync("Root");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.ClickAsync("button[data-view=admin]");
        var ana = page.Locator("#counselor-rows tr", new() { HasText = "Ana" });
        await ana.Locator("text=locked until").WaitForAsync();
        await ana.Locator("button", new() { HasText = "Unlock" }).ClickAsync();
        await ana.Locator("button", new() { HasText = "Unlock" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        using var anaSession = await host.LoginAsync("Ana", "ana-password");

        var maja = page.Locator("#counselor-rows tr", new() { HasText = "Maja" });
        await maja.GetByRole(AriaRole.Button, new() { Name = "Deactivate Maja" }).ClickAsync();
        await maja.Locator("td", new() { HasText = "deactivated" }).WaitForAsync();
        Assert.True((await host.Services.GetRequiredService<CounselorDirectory>().FindAsync("Maja", Ct))!.Deactivated);

        // Root is the only admin left: the server refuses, and the page says why.
        await page.Locator("#counselor-rows tr", new() { HasText = "Root" }).GetByRole(AriaRole.Button, new() { Name = "Deactivate Root" }).ClickAsync();
        await page.Locator(".error", new() { HasText = "At least one active admin" }).WaitForAsync();
        Assert.Equal("Root", await page.EvaluateAsync<string>("() => document.activeElement.closest('tr')?.dataset.name"));

        // A save that works clears the refusal shown before it (it stayed, as if every later save had failed).
        await page.FillAsync("#new-name", "Bo");
        await page.FillAsync("#new-languages", "sl");
        await page.FillAsync("#new-password", "bo-password");
        await page.ClickAsync("#counselor-form button[type=submit]");
        await page.Locator("#counselor-rows tr", new() { HasText = "Bo" }).WaitForAsync();
        await page.Locator("#error").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "console-admin-accounts.png"), FullPage = true });
        Assert.Empty(session.ScriptErrors);
    }

    private static async Task LockOutAsync(ConsoleHost host, string name)
    {
        var directory = host.Services.GetRequiredService<CounselorDirectory>();
        for (var i = 0; i < 5; i++)
        {
            await directory.LoginAsync(name, "wrong-password", Ct);
        }

        Assert.NotNull((await directory.FindAsync(name, Ct))!.LockedUntil);
    }

    [Fact]
    public async Task Saving_an_account_again_in_other_letters_keeps_its_name_and_a_refusal_reads_plainly()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Root", "root-password", admin: true);
        await host.AddCounselorAsync("Ana", "ana-password");
        using var root = await host.LoginAsync("Root", "root-password");

        var saved = await root.PostAsync("/api/admin/counselors", new { name = "ana", languages = new[] { "sl" }, password = "new-password", isAdmin = false });
        var refused = await root.PostAsync("/api/admin/counselors", new { name = "Ana", languages = new[] { "de" }, password = "new-password", isAdmin = false });

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal("Ana", (await host.Services.GetRequiredService<CounselorDirectory>().FindAsync("ana", Ct))!.Name);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("Parameter", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
