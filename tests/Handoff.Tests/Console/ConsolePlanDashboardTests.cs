using System.Text.Json;
using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Handoff.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>The dashboard's "plans": how many, steps done per week, where people get stuck, by language; no personal data.</summary>
public sealed class ConsolePlanDashboardTests
{

    // Wednesday 25 November 2026, 10:00 in Ljubljana: this week starts on Monday 23 November.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_counts_plans_steps_done_per_week_and_where_people_get_stuck_by_language()
    {
        await using var host = await ConsoleHost.StartAsync(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)).AddSingleton<IPlanStepTitles>(new Titles()));
        await host.AddCounselorAsync("Maja", "maja-password");
        await SeedAsync(host.Services.GetRequiredService<IPlanStatistics>());
        using var maja = await host.LoginAsync("Maja", "maja-password");

        var json = await (await maja.GetAsync("/api/dashboard")).Content.ReadAsStringAsync(Ct);
        using var doc = JsonDocument.Parse(json);
        var plans = doc.RootElement.GetProperty("plans");

        Assert.Equal(4, plans.GetProperty("total").GetInt32());
        Assert.Equal(6, plans.GetProperty("stepsDone").GetInt32());
        Assert.Equal(
            ["sl 3 5", "ar 1 1"],
            plans.GetProperty("byLanguage").EnumerateArray().Select(l => $"{l.GetProperty("language")} {l.GetProperty("plans")} {l.GetProperty("stepsDone")}"));
        // Steps done per week (Monday), newest first; the week before the eight shown is left out.
        Assert.Equal(
            ["2026-11-23 ar 1", "2026-11-23 sl 3", "2026-11-16 sl 1"],
            plans.GetProperty("weeks").EnumerateArray().Select(w => $"{w.GetProperty("week")} {w.GetProperty("language")} {w.GetProperty("stepsDone")}"));
        // Reached and not done: tax-number in sl waits twice, address-registration in ar once; done steps and the
        // counselor's own steps are not "stuck".
        Assert.Equal(
            ["tax-number (Tax number) sl 2", "address-registration (Register your address) ar 1"],
            plans.GetProperty("stuck").EnumerateArray().Select(s => $"{s.GetProperty("step")} ({s.GetProperty("title")}) {s.GetProperty("language")} {s.GetProperty("waiting")}"));
        Assert.DoesNotContain("user", plans.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("conversation", plans.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_dashboard_page_shows_the_plan_numbers()
    {
        await using var session = await ConsoleBrowserSession.StartAsync(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)).AddSingleton<IPlanStepTitles>(new Titles()));
        await session.AddCounselorAsync("Maja");
        await SeedAsync(session.Host.Services.GetRequiredService<IPlanStatistics>());
        var page = await session.LoginAsync("Maja");
        await page.ClickAsync("button[data-view=dashboard]");

        await page.Locator("#d-plans-total", new() { HasText = "4" }).WaitForAsync();
        Assert.Equal("6", await page.InnerTextAsync("#d-plans-done"));
        Assert.Contains("Tax number", await page.Locator("#d-plans-stuck tbody tr").First.InnerTextAsync());
        Assert.Contains("First steps plans", await page.InnerTextAsync("#d-plans"));
        Assert.Empty(session.ScriptErrors);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName, "console-dashboard-plans.png"), FullPage = true });
    }

    private sealed class Titles : IPlanStepTitles
    {
        public string? TitleOf(string stepId) => stepId switch
        {
            "tax-number" => "Tax number",
            "address-registration" => "Register your address",
            _ => null,
        };
    }

    private static async Task SeedAsync(IPlanStatistics statistics) =>
        await statistics.AddAsync(
            [
                new(Wednesday, "sl", PlanCountKind.Created, "", 3),
                new(Wednesday, "ar", PlanCountKind.Created, "", 1),
                new(Wednesday, "sl", PlanCountKind.Reached, "address-registration", 3),
                new(Wednesday, "sl", PlanCountKind.Done, "address-registration", 3),
                new(Wednesday, "sl", PlanCountKind.Reached, "tax-number", 3),
                new(Wednesday.AddDays(-7), "sl", PlanCountKind.Done, "tax-number", 1),
                new(Wednesday.AddDays(-70), "sl", PlanCountKind.Done, "bank-account", 1),
                new(Wednesday, "ar", PlanCountKind.Reached, "address-registration", 1),
                new(Wednesday.AddDays(-1), "ar", PlanCountKind.Done, PlanDailyCount.CounselorStep, 1),
            ],
            Ct);
}
