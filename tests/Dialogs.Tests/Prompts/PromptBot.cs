using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Dialogs.Prompts;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Dialogs.Tests.Prompts;

/// <summary>Runs one prompt and reports its result as "answer:..." or "no answer".</summary>
internal sealed class PromptBot(TestAdapter adapter, Dialog prompt, PromptOptions options) : IBot
{
    private readonly DialogSet _dialogs = new DialogSet(adapter.ConversationState.CreateProperty<DialogState>("dialogs")).Add(prompt);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.PromptAsync(prompt.Id, options, cancellationToken);
        }

        if (result.Status == DialogTurnStatus.Complete)
        {
            var text = result.Result switch
            {
                null => "no answer",
                FoundChoice choice => $"answer:{choice.Value}",
                bool yes => $"answer:{(yes ? "yes" : "no")}",
                var other => $"answer:{other}",
            };
            await turnContext.SendActivityAsync(text, cancellationToken);
        }
    }
}
