using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Tests.Support;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests.Plan;

/// <summary>The checklist read right to left (Arabic).</summary>
public sealed class PlanRightToLeftTests
{
    [Fact]
    public async Task In_Arabic_the_arrow_of_the_current_step_points_at_it_from_the_right()
    {
        // Seen in Chromium: right to left, "➡️" stood at the line's right end pointing away from the step.
        await using var bot = FlowHarness.Create();
        await bot.StartInAsync(Language.Arabic);
        await bot.SendAsync("/plan");
        IReadOnlyList<Activity> replies = [];
        for (var question = 0; question < 5; question++)
        {
            replies = await bot.SendAsync(bot.Title(Language.Arabic, "plan.skip"));
        }

        Assert.Contains("⬅️", replies.AllText());
        Assert.DoesNotContain("➡️", replies.AllText());
    }
}
