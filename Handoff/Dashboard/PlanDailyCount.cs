namespace IntegrationBot.Handoff.Dashboard;

/// <summary>
/// A counter of "My first steps" on one local day in one language: no person, conversation or answer in it. Step is
/// the plan's step id (or <see cref="CounselorStep"/> for a step a counselor added), empty for <see cref="PlanCountKind.Created"/>.
/// </summary>
public sealed record PlanDailyCount(DateOnly Date, string Language, PlanCountKind Kind, string Step, int Count)
{
    /// <summary>The step id counted for a counselor's own step: its text is the counselor's words, never counted.</summary>
    public const string CounselorStep = "counselor-added";
}
