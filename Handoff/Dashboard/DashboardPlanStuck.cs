namespace IntegrationBot.Handoff.Dashboard;

/// <summary>A step where people stop: how many times it became the step to work on now (next or overdue) and was not yet done. Title is the step's English title (null when unknown).</summary>
public sealed record DashboardPlanStuck(string Step, string? Title, string Language, int Waiting)
{
    /// <summary>The step's title in each language the plan gives it (null when unknown): the console shows the page's.</summary>
    public IReadOnlyDictionary<string, string>? Titles { get; init; }
}
