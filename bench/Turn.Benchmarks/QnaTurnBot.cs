using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>
/// A stand-in for the real conversation bot while it is being written: a waterfall reads the question with the
/// knowledge engine and replies with the answer in the user's language plus the related topics as suggested actions.
/// It does the same kinds of work per turn as the real Q&amp;A turn: state load, dialog stack, retrieval, reply, state save.
/// </summary>
public sealed class QnaTurnBot : IBot
{
    private const string QnaDialog = "qna";

    private readonly KnowledgeEngine _engine;
    private readonly DialogSet _dialogs;
    private readonly IStatePropertyAccessor<QnaMemory> _memory;

    public QnaTurnBot(ConversationState conversationState, KnowledgeEngine engine)
    {
        _engine = engine;
        _memory = conversationState.CreateProperty<QnaMemory>("qna");
        _dialogs = new DialogSet(conversationState.CreateProperty<DialogState>("dialogs"))
            .Add(new WaterfallDialog(QnaDialog, [AnswerAsync]));
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
            await dc.BeginDialogAsync(QnaDialog, cancellationToken: cancellationToken);
        }
    }

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var memory = await _memory.GetAsync(step.Context, () => new QnaMemory(null, 0), cancellationToken);
        var read = _engine.Ask(step.Context.Activity.Text, conversationLanguage: memory.Language);
        var topic = read.Topic is { } id ? _engine.Catalog.Find(id) : null;
        var reply = new Activity
        {
            Text = topic?.AnswerIn(read.Language) ?? string.Empty,
            Locale = read.Language,
            SuggestedActions = topic is null
                ? null
                : new SuggestedActions([.. topic.Related.Select(_engine.Catalog.Find).OfType<Knowledge.Content.Topic>().Take(3).Select(t => CardAction.Im(t.TitleIn(read.Language)))]),
        };
        await step.Context.SendActivityAsync(reply, cancellationToken);
        await _memory.SetAsync(step.Context, new QnaMemory(read.Language, memory.Questions + 1), cancellationToken);
        return await step.EndDialogAsync(cancellationToken: cancellationToken);
    }
}
