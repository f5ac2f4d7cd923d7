using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.Prompts;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.State;

namespace IntegrationBot.Dialogs.DialogStack;

/// <summary>What a waterfall step sees: the previous step's or child dialog's result, the dialog's values and options.</summary>
public sealed class WaterfallStepContext
{
    private readonly Func<object?, CancellationToken, Task<DialogTurnResult>> _next;
    private readonly JsonNode? _options;
    private bool _nextCalled;

    internal WaterfallStepContext(DialogContext dc, int index, object? result, DialogValues values, JsonNode? options, Func<object?, CancellationToken, Task<DialogTurnResult>> next)
    {
        DialogContext = dc;
        Index = index;
        Result = result;
        Values = values;
        _options = options;
        _next = next;
    }

    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    public int Index { get; }

    /// <summary>The previous step's result: the user's text, or a prompt's/child's result (null when a prompt got no answer).</summary>
    public object? Result { get; }

    public DialogValues Values { get; }

    /// <summary>The result as <typeparamref name="T"/>, or default when absent or of another type.</summary>
    public T? ResultAs<T>() => Result is T typed ? typed : default;

    /// <summary>The options the waterfall was begun with, read as <typeparamref name="T"/>.</summary>
    public T? Options<T>() => _options is null ? default : _options.Deserialize<T>(StateJson.Options);

    /// <summary>Skips to the next step within this turn.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in waterfall step {Index}.");
        }

        _nextCalled = true;
        return _next(result, cancellationToken);
    }

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default) =>
        DialogContext.CancelAllDialogsAsync(cancellationToken);
}
