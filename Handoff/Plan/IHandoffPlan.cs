using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Plan;

/// <summary>
/// The person's "My first steps" checklist as a counselor sees it in a handoff. The flows own the plan; only a person who
/// accepted the privacy notice (consent to share their conversation with counselors) has it shown.
/// </summary>
public interface IHandoffPlan
{
    /// <summary>The checklist, or null when the person has no plan or did not consent.</summary>
    Task<HandoffPlanView?> GetAsync(HandoffRequest request, CancellationToken cancellationToken);

    /// <summary>Marks a step done and tells the person; false when there is no such step or no consent.</summary>
    Task<bool> MarkDoneAsync(HandoffRequest request, string stepId, string counselor, CancellationToken cancellationToken);

    /// <summary>Adds a step (the counselor's words) at the end of the plan and tells the person; false without a plan or consent.</summary>
    Task<bool> AddStepAsync(HandoffRequest request, string text, string counselor, CancellationToken cancellationToken);
}
