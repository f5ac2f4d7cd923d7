namespace IntegrationBot.Flows;

/// <summary>
/// A dialog that waits beside the conversation for one of its own buttons (the switch question, a handoff waiting for
/// consent): every other message is read as usual (<see cref="FlowDialogs.NotAnAnswer"/>), so unlike a prompt it
/// swallows nothing, and urgent text needs no escape from it.
/// </summary>
public interface ISideQuestion;
