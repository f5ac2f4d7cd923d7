using System.Net;
using System.Text.Json;
using IntegrationBot.Handoff.Plan;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>
/// What the server tells the console (a refused login, the queue's own lines in a transcript, the plan's step titles)
/// reads in the language the counselor chose for the page, not in English; names stay as written.
/// </summary>
public sealed class ServerTextsBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refused_login_keeps_its_english_detail_and_carries_a_code()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddCounselorAsync("Maja", "maja-password");
        using var client = host.Client();

        var refused = await client.PostAsync("/api/auth/login", new { name = "Maja", password = "wrong-password" }, xsrf: null);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Wrong name or password.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("wrongLogin", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_wrong_password_is_told_in_arabic_and_the_error_follows_the_page_to_albanian()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        await session.AddCounselorAsync("Amira", "ar");
        var page = await session.NewPageAsync();
        await session.OpenConsoleAsync(page);

        await page.SelectOptionAsync("#ui-language", "ar");
        await page.FillAsync("input[name=name]", "Amira");
        await page.FillAsync("input[name=password]", "wrong-password");
        await page.ClickAsync("#login-form button[type=submit]");

        await page.Locator("#error:not([hidden])", new() { HasText = "الاسم أو كلمة المرور غير صحيحة." }).WaitForAsync();
        await page.SelectOptionAsync("#ui-language", "sq");
        await page.Locator("#error:not([hidden])", new() { HasText = "Emër ose fjalëkalim i gabuar." }).WaitForAsync();
        Assert.DoesNotContain("Wrong", await page.InnerTextAsync("#error"), StringComparison.Ordinal);
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task The_queues_lines_are_drawn_in_slovenian_and_arabic_with_the_counselors_names_as_written()
    {
        await using var session = await ConsoleBrowserSession.StartAsync();
        await session.AddCounselorAsync("Maja", "sl", "en", "sq", "ar");
        var queue = session.Host.Queue;
        var ticket = await queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "c1", "u1", "{}"), "en", "housing", HandoffReason.AskedForHuman), Ct);
        var id = ticket.RequestId;
        await queue.ClaimAsync(id, "Ana", Ct);
        await queue.TransferToCounselorAsync(id, "Ana", "Maja", Ct);
        await queue.ReleaseAsync(id, "Maja", Ct);
        await queue.ChangeLanguageAsync(id, "ar", Ct);
        await queue.ClaimAsync(id, "Maja", Ct);
        await queue.TransferToLanguageAsync(id, "Maja", "sq", Ct);
        await queue.ClaimAsync(id, "Maja", Ct);

        var page = await session.NewPageAsync();
        await session.OpenConsoleAsync(page);
        await page.SelectOptionAsync("#ui-language", "sl");
        await session.LoginAsync(page, "Maja");
        await page.GotoAsync(new Uri(session.Host.BaseAddress, $"/console#conversation/{id}").ToString());
        var lines = page.Locator("#transcript li.system > span:not(.meta)");
        await page.Locator("#transcript li.system", new() { HasText = "predano jeziku sq" }).WaitForAsync();

        Assert.Equal(
            [
                "prevzeto (Ana)",
                "predano: Maja (Ana)",
                "vrnjeno v čakalno vrsto (Maja)",
                "oseba je zamenjala jezik v ar",
                "prevzeto (Maja)",
                "predano jeziku sq (Maja)",
                "prevzeto (Maja)",
            ],
            await lines.AllInnerTextsAsync());

        await page.SelectOptionAsync("#ui-language", "ar");
        await page.Locator("#transcript li.system", new() { HasText = "حُوِّلت إلى لغة sq" }).WaitForAsync();
        Assert.Equal("تم الاستلام (Maja)", await lines.Last.InnerTextAsync());
        // The name is isolated: a Latin name in an Arabic line keeps its own direction and the words their order.
        Assert.Equal(["Maja"], await lines.Last.Locator("bdi").AllInnerTextsAsync());
        Assert.Equal("rtl", await lines.Last.EvaluateAsync<string>("node => getComputedStyle(node).direction"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), "console-server-texts-ar.png"), FullPage = true });
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task The_plans_step_titles_are_shown_in_the_page_language_and_a_counselors_own_step_as_written()
    {
        var plan = new TitledPlan();
        await using var session = await ConsoleBrowserSession.StartAsync(s => s.AddSingleton<IHandoffPlan>(plan));
        await session.AddCounselorAsync("Maja", "sl", "en");
        await session.Host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "c1", "u1", "{}"), "en", "work", HandoffReason.AskedForHuman), Ct);
        var page = await session.NewPageAsync();
        await session.OpenConsoleAsync(page);
        await page.SelectOptionAsync("#ui-language", "sl");
        await session.LoginAsync(page, "Maja");

        await page.Locator("#queue-rows tr", new() { HasText = "work" }).ClickAsync();
        var panel = page.Locator("#plan-panel");
        await panel.Locator("li.overdue", new() { HasText = "Prijavite stalno ali začasno prebivališče" }).WaitForAsync();
        Assert.Equal(
            ["Prijavite stalno ali začasno prebivališče", "Prinesite pogodbo"],
            await panel.Locator(".plan-step-title").AllInnerTextsAsync());
        Assert.Equal("Ovira (zamuja): Prijavite stalno ali začasno prebivališče", await page.InnerTextAsync("#plan-blocking"));

        await page.SelectOptionAsync("#ui-language", "ar");
        await panel.Locator("li.overdue", new() { HasText = "سجّل عنوانك" }).WaitForAsync();
        Assert.Equal("Prinesite pogodbo", await panel.Locator(".plan-step-title").Last.InnerTextAsync());
        Assert.Empty(session.ScriptErrors);
    }

    /// <summary>docs/screenshots of the repository this test was built from.</summary>
    private static string ScreenshotFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "IntegrationBot.sln")))
        {
            folder = folder.Parent;
        }

        return Directory.CreateDirectory(Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "docs", "screenshots")).FullName;
    }

    private sealed class TitledPlan : IHandoffPlan
    {
        public Task<HandoffPlanView?> GetAsync(HandoffRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<HandoffPlanView?>(new HandoffPlanView(
            [
                new HandoffPlanStep("address-registration", "Register your address", "overdue", "2026-11-28")
                {
                    Titles = new Dictionary<string, string>
                    {
                        ["sl"] = "Prijavite stalno ali začasno prebivališče",
                        ["en"] = "Register your address",
                        ["sq"] = "Regjistroni adresën",
                        ["hbs"] = "Prijavite adresu",
                        ["ar"] = "سجّل عنوانك",
                    },
                },
                new HandoffPlanStep("added-0", "Prinesite pogodbo", "open", null),
            ]));

        public Task<bool> MarkDoneAsync(HandoffRequest request, string stepId, string counselor, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> AddStepAsync(HandoffRequest request, string text, string counselor, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
