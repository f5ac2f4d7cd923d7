using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Dialogs.Prompts;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Dialogs.Tests.DialogStack;

public sealed class WaterfallTests
{
    private sealed record Intake(string Name, int Age);

    private sealed class IntakeBot(TestAdapter adapter) : IBot
    {
        private readonly DialogSet _dialogs = new DialogSet(adapter.ConversationState.CreateProperty<DialogState>("dialogs"))
            .Add(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("text", PromptOptions.Text("Kako vam je ime?"), ct),
                (step, ct) =>
                {
                    step.Values.Set("name", step.ResultAs<string>());
                    return step.PromptAsync("text", PromptOptions.Text("Koliko ste stari?"), ct);
                },
                async (step, ct) =>
                {
                    step.Values.Set("age", int.TryParse(step.ResultAs<string>(), out var age) ? age : -1);
                    return await step.NextAsync(null, ct);
                },
                async (step, ct) =>
                {
                    var intake = new Intake(step.Values.Get<string>("name")!, step.Values.Get<int>("age"));
                    await step.Context.SendActivityAsync($"{intake.Name} ({intake.Age + 1} next year), {step.Options<string>()}", ct);
                    return await step.EndDialogAsync(intake, ct);
                },
            ]))
            .Add(new TextPrompt("text"));

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken);
            var result = await dc.ContinueDialogAsync(cancellationToken);
            if (result.Status == DialogTurnStatus.Empty)
            {
                result = await dc.BeginDialogAsync("steps", "from options", cancellationToken);
            }

            if (result.Result is Intake intake)
            {
                await turnContext.SendActivityAsync($"done:{intake.Name}", cancellationToken);
            }
        }
    }

    [Fact]
    public async Task Waterfall_keeps_typed_values_across_turns()
    {
        var adapter = TestAdapter.InMemory();
        await new TestFlow(adapter, new IntakeBot(adapter))
            .Send("zdravo").AssertReply("Kako vam je ime?")
            .Send("Đorđe").AssertReply("Koliko ste stari?")
            .Send("41").AssertReply("Đorđe (42 next year), from options").AssertReply("done:Đorđe")
            .Send("spet").AssertReply("Kako vam je ime?")
            .StartTestAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Waterfall_state_is_stored_as_plain_json_without_type_names()
    {
        var adapter = TestAdapter.InMemory();
        await new TestFlow(adapter, new IntakeBot(adapter))
            .Send("zdravo").AssertReply("Kako vam je ime?")
            .Send("Ana").AssertReply("Koliko ste stari?")
            .StartTestAsync(TestContext.Current.CancellationToken);

        var stored = await adapter.Storage.ReadAsync(["test/conversations/conv-1"], TestContext.Current.CancellationToken);
        var json = stored["test/conversations/conv-1"].Json;
        Assert.Contains("\"name\":\"Ana\"", json);
        Assert.DoesNotContain("$type", json);
        Assert.DoesNotContain("System.", json);
    }
}
