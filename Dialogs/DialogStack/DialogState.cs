namespace IntegrationBot.Dialogs.DialogStack;

/// <summary>The persisted dialog stack; the last entry is the active dialog.</summary>
public sealed class DialogState
{
    public List<DialogInstance> Stack { get; init; } = [];
}
