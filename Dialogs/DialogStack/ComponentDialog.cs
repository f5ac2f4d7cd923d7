using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Dialogs.DialogStack;

/// <summary>
/// A dialog made of other dialogs, with its own inner stack kept in its instance state; it ends when its inner stack does.
/// Subclasses add their dialogs with <see cref="AddDialog"/> and may set <see cref="InitialDialogId"/>.
/// </summary>
public class ComponentDialog(string id) : Dialog(id)
{
    private const string InnerStackKey = "dialogs";
    private readonly DialogSet _dialogs = new();

    /// <summary>The dialog begun first; defaults to the first one added.</summary>
    public string? InitialDialogId { get; set; }

    public ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken) =>
        WithInnerAsync(dc, inner => inner.BeginDialogAsync(
            InitialDialogId ?? throw new InvalidOperationException($"Component dialog '{Id}' has no dialogs."),
            options,
            cancellationToken), cancellationToken);

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        WithInnerAsync(dc, inner => inner.ContinueDialogAsync(cancellationToken), cancellationToken);

    /// <summary>Called when a dialog of the outer stack (begun from inside) ended; the inner stack carries on waiting.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        var inner = instance.Read<DialogState>(InnerStackKey) ?? new DialogState();
        var innerContext = new DialogContext(_dialogs, turnContext, inner);
        await innerContext.RepromptDialogAsync(cancellationToken);
        instance.Write(InnerStackKey, inner);
    }

    public override async Task OnEndAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        if (reason == DialogReason.Cancelled)
        {
            var inner = instance.Read<DialogState>(InnerStackKey) ?? new DialogState();
            await new DialogContext(_dialogs, dc.Context, inner, dc).CancelAllDialogsAsync(cancellationToken);
            instance.Write(InnerStackKey, inner);
        }
    }

    private async Task<DialogTurnResult> WithInnerAsync(
        DialogContext dc,
        Func<DialogContext, Task<DialogTurnResult>> operation,
        CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        var inner = instance.Read<DialogState>(InnerStackKey) ?? new DialogState();
        var innerContext = new DialogContext(_dialogs, dc.Context, inner, dc);
        var result = await operation(innerContext);
        instance.Write(InnerStackKey, inner);

        return result.Status switch
        {
            DialogTurnStatus.Complete => await dc.EndDialogAsync(result.Result, cancellationToken),
            DialogTurnStatus.Cancelled => await dc.EndDialogAsync(null, cancellationToken),
            _ => DialogTurnResult.Waiting,
        };
    }
}
