namespace IntegrationBot.Flows.Commands;

/// <summary>The commands a person can give by /command, by a localized word or by a button.</summary>
public enum FlowCommand
{
    None,
    Start,
    Menu,
    Language,
    Counselor,
    Privacy,
    Delete,
    Help,

    /// <summary>"My first steps": the intake when there is no plan yet, else the checklist.</summary>
    Plan,

    /// <summary>Stops the plan's reminders.</summary>
    Stop,

    /// <summary>A /command the bot does not know: answered with the help text.</summary>
    Unknown,
}
