using IntegrationBot.Flows.Plan;
using IntegrationBot.Flows.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>The intake answers are personal data: in the privacy notice, in the conversation state (exported and erased with it), gone with /delete (reminders too).</summary>
public sealed class PlanPrivacyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_privacy_notice_names_the_plan_answers_and_they_are_kept_in_the_conversation_state()
    {
        await using var harness = FlowHarness.Create();
        await harness.StartInAsync("en", acceptPrivacy: false);
        Assert.Contains("If you make a plan with /plan, I also keep your answers", (await harness.SendAsync("Read more")).AllText());
        await harness.SendAsync("Accept");

        await harness.SendAsync("/plan");
        await harness.SendAsync("Western Balkans");
        await harness.SendAsync("Family");
        await harness.SendAsync("20.11.2026");
        await harness.SendAsync("Under 6");
        await harness.SendAsync("That's all");
        await harness.SendAsync("Bank account");
        await harness.SendAsync("That's all");

        // The plan lives in the conversation state, which the runtime's eraser exports, erases and expires with retention.
        var json = (await harness.Storage.ReadAsync(["test/conversations/conv-1"], Ct)).Values.Single().Json;
        Assert.Contains("\"origin\":\"western-balkans\"", json);
        Assert.Contains("\"purpose\":\"family\"", json);
        Assert.Contains("\"arrival\":\"2026-11-20\"", json);
        Assert.Contains("\"under-6\"", json);
        Assert.Contains("\"bank-account\"", json);
    }

    [Fact]
    public async Task Delete_erases_the_plan_and_the_reminder_subscription()
    {
        var clock = new FakeTimeProvider(FlowHarness.MondayMorning);
        await using var harness = FlowHarness.Create(clock, settings: new Dictionary<string, string?> { ["IntegrationBot:Plan:ReminderChannels"] = "test" });
        await harness.StartInAsync("en");
        await harness.SendAsync("/plan");
        for (var i = 0; i < 5; i++)
        {
            await harness.SendAsync("skip");
        }

        await harness.SendAsync("Yes, remind me");
        var store = harness.Get<IPlanReminderStore>();
        Assert.Contains("test/conversations/conv-1", (await store.ExportUserDataAsync("test", "user-1", Ct)).ToJsonString());

        await harness.SendAsync("/delete");
        await harness.SendAsync("Yes");

        Assert.Equal("[]", (await store.ExportUserDataAsync("test", "user-1", Ct)).ToJsonString());
        await harness.StartInAsync("en");
        Assert.Contains("1/5 Where are you from?", (await harness.SendAsync("/plan")).AllText());
    }
}
