namespace IntegrationBot.Flows.Plan;

/// <summary>Where one step of a person's plan stands today.</summary>
public enum StepStatus
{
    Done,
    Next,
    Overdue,
    Open,
}
