using IntegrationBot.Dialogs.Prompts;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Dialogs.DialogStack;

/// <summary>Operations on one dialog stack during a turn: begin, continue, end, replace, cancel all.</summary>
public sealed class DialogContext(DialogSet dialogs, ITurnContext context, DialogState state)
{
    public DialogSet Dialogs { get; } = dialogs;

    public ITurnContext Context { get; } = context;

    /// <summary>The stack; the last entry is active.</summary>
    public IReadOnlyList<DialogInstance> Stack => state.Stack;

    public DialogInstance? ActiveDialog => state.Stack.Count > 0 ? state.Stack[^1] : null;

    /// <summary>Finds a dialog of this set by id.</summary>
    public Dialog? FindDialog(string id) => Dialogs.Find(id);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"No dialog with id '{dialogId}' was added to the dialog set.");
        state.Stack.Add(new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Gives the turn to the active dialog; <see cref="DialogTurnStatus.Empty"/> when none is active.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active)
        {
            return DialogTurnResult.Empty;
        }

        return await Resolve(active).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes the one below it with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.Ended, cancellationToken);
        if (ActiveDialog is { } below)
        {
            return await Resolve(below).ResumeDialogAsync(this, result, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog and starts another in its place (e.g. to loop a menu) without resuming the parent.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.Replaced, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Empties the stack, letting each dialog clean up.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is null)
        {
            return DialogTurnResult.Empty;
        }

        while (ActiveDialog is not null)
        {
            await PopAsync(DialogReason.Cancelled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } active)
        {
            await Resolve(active).RepromptDialogAsync(Context, active, cancellationToken);
        }
    }

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } top)
        {
            return;
        }

        await Resolve(top).OnEndAsync(this, top, reason, cancellationToken);
        state.Stack.RemoveAt(state.Stack.Count - 1);
    }

    private Dialog Resolve(DialogInstance instance) =>
        FindDialog(instance.Id)
        ?? throw new InvalidOperationException($"The stored stack names dialog '{instance.Id}', which is not in the dialog set.");
}
