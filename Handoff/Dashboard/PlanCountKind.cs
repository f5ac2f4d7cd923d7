namespace IntegrationBot.Handoff.Dashboard;

/// <summary>What a plan counter counts.</summary>
public enum PlanCountKind
{
    /// <summary>A plan was made (the intake finished for the first time).</summary>
    Created,

    /// <summary>A step was marked done, by the person or a counselor.</summary>
    Done,

    /// <summary>A step became the one to work on now (next, or overdue).</summary>
    Reached,
}
