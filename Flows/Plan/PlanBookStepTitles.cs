using IntegrationBot.Handoff.Dashboard;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.Plan;

/// <summary>Step titles for the dashboard from plan.yaml, in English like the rest of the console.</summary>
public sealed class PlanBookStepTitles(PlanBook book) : IPlanStepTitles
{
    public string? TitleOf(string stepId) => book.Find(stepId)?.TitleIn(Language.English);
}
