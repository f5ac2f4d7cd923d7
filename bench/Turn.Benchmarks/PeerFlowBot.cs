using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Dialogs.Prompts;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.State;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>
/// The flow both sides of the peer comparison run: a greeting, a choice prompt inside a waterfall, then the chosen
/// answer. bench/peer/peer-bot.js is the same flow on Bot Framework's JavaScript SDK.
/// </summary>
public sealed class PeerFlowBot : IBot
{
    private const string TopicDialog = "topic";
    private const string ChoiceDialog = "choice";

    private readonly PeerFlowTexts _texts;
    private readonly DialogSet _dialogs;
    private readonly IReadOnlyList<Choice> _choices;

    public PeerFlowBot(ConversationState conversationState, PeerFlowTexts texts)
    {
        _texts = texts;
        _choices = [.. texts.Choices.Select(c => new Choice(c.Title))];
        _dialogs = new DialogSet(conversationState.CreateProperty<DialogState>("dialogs"))
            .Add(new ChoicePrompt(ChoiceDialog))
            .Add(new WaterfallDialog(TopicDialog, [AskAsync, AnswerAsync]));
    }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            await turnContext.SendActivityAsync(_texts.Greeting, cancellationToken);
            await dc.BeginDialogAsync(TopicDialog, cancellationToken: cancellationToken);
        }
    }

    private Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(ChoiceDialog, PromptOptions.Text(_texts.Prompt, _texts.Retry, _choices), cancellationToken);

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.ResultAs<FoundChoice>() is { } found)
        {
            await step.Context.SendActivityAsync(_texts.Choices[found.Index].Answer, cancellationToken);
        }

        return await step.EndDialogAsync(cancellationToken: cancellationToken);
    }
}
