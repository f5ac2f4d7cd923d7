namespace IntegrationBot.Handoff.Dashboard;

/// <summary>The plan's step titles for the dashboard; the host with the plan rules provides them.</summary>
public interface IPlanStepTitles
{
    /// <summary>The step's title in English, or null for an unknown id.</summary>
    string? TitleOf(string stepId);

    /// <summary>The step's title by language code, or null for an unknown id (or titles known in English only).</summary>
    IReadOnlyDictionary<string, string>? TitlesOf(string stepId) => null;
}
