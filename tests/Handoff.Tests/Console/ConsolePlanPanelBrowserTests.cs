using IntegrationBot.Handoff.Plan;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IntegrationBot.Handoff.Tests.Console;

/// <summary>
/// The "First steps" panel in real Chromium: what is blocking (overdue steps) stands out; only the holder can change
/// the plan; without a plan or consent there is no panel.
/// </summary>
public sealed class ConsolePlanPanelBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overdue_steps_show_as_blocking_buttons_only_for_the_holder_and_no_panel_without_consent()
    {
        var plan = new OverduePlan();
        await using var session = await ConsoleBrowserSession.StartAsync(s => s.AddSingleton<IHandoffPlan>(plan));
        await session.AddCounselorAsync("Maja");
        await session.Host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "c1", "u1", "{}"), "en", "work", HandoffReason.AskedForHuman), Ct);
        var page = await session.LoginAsync("Maja");

        // Opened from the queue without taking it: Maja sees the plan but cannot change it.
        await page.Locator("#queue-rows tr", new() { HasText = "work" }).ClickAsync();
        var panel = page.Locator("#plan-panel");
        await panel.Locator("li.overdue", new() { HasText = "Register your address" }).WaitForAsync();
        Assert.Equal("Blocking (overdue): Register your address", await page.InnerTextAsync("#plan-blocking"));
        Assert.Contains("overdue", await page.GetAttributeAsync("#plan-blocking", "class"), StringComparison.Ordinal);
        // Deadlines and answers as a counselor reads them; before, the deadline was "by 2026-11-28" and no answers were shown.
        Assert.Contains("by 28 November 2026", await panel.Locator("li.overdue").InnerTextAsync());
        Assert.Equal(
            ["From", "Western Balkans", "Came for", "work", "Arrived", "20 November 2026", "Children", "under 6, 6 to 15", "Already has", "skipped"],
            await panel.Locator("#plan-answers dt, #plan-answers dd").AllInnerTextsAsync());
        Assert.True(await panel.Locator("li.overdue button").IsDisabledAsync());
        Assert.True(await page.Locator("#plan-add-text").IsDisabledAsync());
        Assert.Equal(0, await panel.Locator("li.done button").CountAsync());

        await page.ClickAsync("#take");
        await page.Locator("#plan-panel li.overdue button:not([disabled])").WaitForAsync();
        await page.Locator("#plan-add-text").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Empty(plan.Calls);

        // The person withdraws consent: the panel goes away on the next refresh.
        plan.Consented = false;
        await page.ClickAsync("#release");
        await panel.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Empty(session.ScriptErrors);
    }

    [Fact]
    public async Task Questions_stopped_part_way_show_the_answers_so_far_and_nothing_to_change()
    {
        // The person asked for a counselor at the third question: before, the API had no plan (404) and there was no panel.
        var plan = new OverduePlan
        {
            View = new HandoffPlanView([])
            {
                Answers = [new HandoffPlanAnswer("origin", ["other"]), new HandoffPlanAnswer("purpose", ["protection"])],
                Finished = false,
            },
        };
        await using var session = await ConsoleBrowserSession.StartAsync(s => s.AddSingleton<IHandoffPlan>(plan));
        await session.AddCounselorAsync("Maja");
        await session.Host.Queue.EnqueueAsync(new HandoffDraft(new ConversationAddress("telegram", "c1", "u1", "{}"), "en", "asylum", HandoffReason.AskedForHuman), Ct);
        var page = await session.LoginAsync("Maja");
        await ConsoleBrowserSession.TakeAsync(page, "asylum");

        var panel = page.Locator("#plan-panel");
        await panel.Locator("#plan-answers dd", new() { HasText = "asylum" }).WaitForAsync();
        Assert.Equal("The person stopped the questions part way: no steps yet. These are the answers so far.", await page.InnerTextAsync("#plan-blocking"));
        Assert.Equal(["From", "another country", "Came for", "international protection (asylum)"], await panel.Locator("#plan-answers dt, #plan-answers dd").AllInnerTextsAsync());
        Assert.Equal(0, await panel.Locator("#plan-steps li").CountAsync());
        Assert.False(await page.Locator("#plan-add-form").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = "/tmp/plan-panel-unfinished.png" });
        Assert.Empty(session.ScriptErrors);
    }

    private sealed class OverduePlan : IHandoffPlan
    {
        public List<string> Calls { get; } = [];

        public bool Consented { get; set; } = true;

        public HandoffPlanView? View { get; init; }

        public Task<HandoffPlanView?> GetAsync(HandoffRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(Consented
                ? View ?? new HandoffPlanView(
                [
                    new HandoffPlanStep("single-permit", "Single permit for residence and work", "done", null),
                    new HandoffPlanStep("address-registration", "Register your address", "overdue", "2026-11-28"),
                    new HandoffPlanStep("tax-number", "Tax number", "open", null),
                ])
                {
                    Answers =
                    [
                        new HandoffPlanAnswer("origin", ["western-balkans"]),
                        new HandoffPlanAnswer("purpose", ["work"]),
                        new HandoffPlanAnswer("arrival", ["2026-11-20"]),
                        new HandoffPlanAnswer("children", ["under-6", "6-15"]),
                        new HandoffPlanAnswer("has", ["skipped"]),
                    ],
                }
                : null);

        public Task<bool> MarkDoneAsync(HandoffRequest request, string stepId, string counselor, CancellationToken cancellationToken)
        {
            Calls.Add($"done {stepId}");
            return Task.FromResult(true);
        }

        public Task<bool> AddStepAsync(HandoffRequest request, string text, string counselor, CancellationToken cancellationToken)
        {
            Calls.Add($"added {text}");
            return Task.FromResult(true);
        }
    }
}
