using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Dialogs.Tests.DialogStack;

public sealed class DialogStackTests
{
    /// <summary>A bot that runs a small menu: "start" begins, "swap" replaces, "cancel" cancels all, anything else continues.</summary>
    private sealed class StackBot : IBot
    {
        private readonly DialogSet _dialogs;
        private readonly Dialogs.State.IStatePropertyAccessor<DialogState> _stack;

        public StackBot(TestAdapter adapter)
        {
            _stack = adapter.ConversationState.CreateProperty<DialogState>("dialogs");
            _dialogs = new DialogSet(_stack)
                .Add(new WaterfallDialog("outer",
                [
                    async (step, ct) => await step.BeginDialogAsync("inner", cancellationToken: ct),
                    async (step, ct) =>
                    {
                        await step.Context.SendActivityAsync($"outer got {step.Result}", ct);
                        return await step.EndDialogAsync("outer done", ct);
                    },
                ]))
                .Add(new WaterfallDialog("inner",
                [
                    async (step, ct) =>
                    {
                        await step.Context.SendActivityAsync("inner asks", ct);
                        return DialogTurnResult.Waiting;
                    },
                    async (step, ct) => await step.EndDialogAsync($"inner:{step.Result}", ct),
                ]))
                .Add(new WaterfallDialog("other",
                [
                    async (step, ct) =>
                    {
                        await step.Context.SendActivityAsync("other started", ct);
                        return DialogTurnResult.Waiting;
                    },
                ]));
        }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken);
            var text = turnContext.Activity.Text;
            var result = text switch
            {
                "start" => await dc.BeginDialogAsync("outer", cancellationToken: cancellationToken),
                "swap" => await dc.ReplaceDialogAsync("other", cancellationToken: cancellationToken),
                "cancel" => await dc.CancelAllDialogsAsync(cancellationToken),
                _ => await dc.ContinueDialogAsync(cancellationToken),
            };
            await turnContext.SendActivityAsync($"{result.Status}:{dc.Stack.Count}:{string.Join('/', dc.Stack.Select(d => d.Id))}", cancellationToken);
            if (result.Status == DialogTurnStatus.Complete)
            {
                await turnContext.SendActivityAsync($"result {result.Result}", cancellationToken);
            }
        }
    }

    [Fact]
    public async Task Child_result_resumes_parent_and_completes_the_stack()
    {
        var adapter = TestAdapter.InMemory();
        await new TestFlow(adapter, new StackBot(adapter))
            .Send("start").AssertReply("inner asks").AssertReply("Waiting:2:outer/inner")
            .Send("hello").AssertReply("outer got inner:hello").AssertReply("Complete:0:").AssertReply("result outer done")
            .Send("again").AssertReply("Empty:0:")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Replace_swaps_the_active_dialog_without_resuming_the_parent()
    {
        var adapter = TestAdapter.InMemory();
        await new TestFlow(adapter, new StackBot(adapter))
            .Send("start").AssertReply("inner asks").AssertReply("Waiting:2:outer/inner")
            .Send("swap").AssertReply("other started").AssertReply("Waiting:2:outer/other")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Cancel_all_empties_the_persisted_stack()
    {
        var adapter = TestAdapter.InMemory();
        await new TestFlow(adapter, new StackBot(adapter))
            .Send("start").AssertReply("inner asks").AssertReply("Waiting:2:outer/inner")
            .Send("cancel").AssertReply("Cancelled:0:")
            .Send("hello").AssertReply("Empty:0:")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }
}
