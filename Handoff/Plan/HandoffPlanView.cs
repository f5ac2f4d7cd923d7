namespace IntegrationBot.Handoff.Plan;

/// <summary>A person's checklist for the console: each step with its status (done, next, overdue, open) and deadline.</summary>
public sealed record HandoffPlanView(IReadOnlyList<HandoffPlanStep> Steps)
{
    /// <summary>The intake answers the plan was made from (or, while unfinished, those given so far), in question order.</summary>
    public IReadOnlyList<HandoffPlanAnswer> Answers { get; init; } = [];

    /// <summary>
    /// False while the person stopped the questions before the end (e.g. to ask for a counselor): there are only the
    /// answers given so far and no steps yet.
    /// </summary>
    public bool Finished { get; init; } = true;
}
