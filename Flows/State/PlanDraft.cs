using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.State;

/// <summary>
/// The plan's questions stopped before the end (a person asked for, danger, another command): the answers given so far
/// and the question reached, so /plan goes on there instead of asking everything again, and a counselor can see them.
/// Personal data like the plan: part of the conversation state (exported, erased, expired with it).
/// </summary>
public sealed record PlanDraft(IntakeAnswers Answers, int Stage);
