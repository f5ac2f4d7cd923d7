using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.State;

namespace IntegrationBot.Dialogs.DialogStack;

/// <summary>A fixed sequence of steps; each step usually prompts, and the answer arrives as the next step's result.</summary>
public sealed class WaterfallDialog(string id, IEnumerable<WaterfallStep> steps) : Dialog(id)
{
    private const string StepKey = "step";
    private const string ValuesKey = "values";
    private const string OptionsKey = "options";

    private readonly IReadOnlyList<WaterfallStep> _steps = [.. steps];

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        instance.State[ValuesKey] = new JsonObject();
        if (options is not null)
        {
            instance.State[OptionsKey] = JsonSerializer.SerializeToNode(options, options.GetType(), StateJson.Options);
        }

        return RunStepAsync(dc, 0, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        // Typing indicators and other events must not advance the waterfall.
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        return ResumeDialogAsync(dc, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        RunStepAsync(dc, dc.ActiveDialog!.Read<int>(StepKey) + 1, result, cancellationToken);

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var instance = dc.ActiveDialog!;
        instance.Write(StepKey, index);
        var values = new DialogValues((JsonObject)instance.State[ValuesKey]!);
        var step = new WaterfallStepContext(
            dc,
            index,
            result,
            values,
            instance.State[OptionsKey],
            (next, ct) => RunStepAsync(dc, index + 1, next, ct));
        return await _steps[index](step, cancellationToken);
    }
}
