using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Dialogs.DialogStack;

/// <summary>A unit of conversation that can span turns; its state lives in its <see cref="DialogInstance"/>.</summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Called when the dialog is pushed onto the stack.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>Called with the user's next activity while this dialog is active. By default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>Called when a child dialog ended and this one is active again. By default it ends with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks the user again (e.g. after an interruption). By default nothing happens.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Called when the dialog leaves the stack, for clean-up.</summary>
    public virtual Task OnEndAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
