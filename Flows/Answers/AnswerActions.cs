using IntegrationBot.Flows.Actions;
using IntegrationBot.Handoff.Feedback;

namespace IntegrationBot.Flows.Answers;

/// <summary>The buttons of the menu and the answers: a category, a topic, its details, help, 👍/👎 and "none of these".</summary>
public sealed class AnswerActions(MenuFlow menu, QuestionFlow questions) : IFlowActions
{
    public IReadOnlyDictionary<string, FlowActionHandler> Handlers { get; } = new Dictionary<string, FlowActionHandler>
    {
        [FlowActions.Menu] = (turn, _, ct) => menu.ShowMenuAsync(turn, ct),
        [FlowActions.Category] = (turn, category, ct) => menu.ShowCategoryAsync(turn, category ?? string.Empty, ct),
        [FlowActions.Help] = (turn, _, ct) => menu.ShowHelpAsync(turn, ct),
        [FlowActions.Topic] = (turn, topic, ct) => questions.ShowTopicAsync(turn, topic ?? string.Empty, null, ct),
        [FlowActions.Details] = (turn, topic, ct) => questions.ShowDetailsAsync(turn, topic ?? string.Empty, ct),
        [FlowActions.HelpfulYes] = async (turn, _, ct) =>
        {
            await questions.CountFeedbackAsync(turn, helpful: true, ct);
            await turn.SayAsync("feedback.thanks", menu.MenuButtons(turn), ct);
        },
        [FlowActions.HelpfulNo] = async (turn, _, ct) =>
        {
            await questions.CountFeedbackAsync(turn, helpful: false, ct);
            await turn.Dialogs.BeginDialogAsync(FlowDialogs.Feedback, nameof(UnansweredKind.NegativeFeedback), ct);
        },
        [FlowActions.NoneOfThese] = (turn, _, ct) => turn.Dialogs.BeginDialogAsync(FlowDialogs.Feedback, nameof(UnansweredKind.NoMatch), ct),
    };
}
