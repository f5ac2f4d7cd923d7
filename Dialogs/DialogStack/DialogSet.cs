using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.State;

namespace IntegrationBot.Dialogs.DialogStack;

/// <summary>The dialogs that can be started by id, and where their stack is stored.</summary>
public sealed class DialogSet(IStatePropertyAccessor<DialogState> stackProperty)
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing) && !ReferenceEquals(existing, dialog))
        {
            throw new InvalidOperationException($"A different dialog with id '{dialog.Id}' is already in the set.");
        }

        _dialogs[dialog.Id] = dialog;
        return this;
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);

    /// <summary>A context over the stack stored in conversation state for this turn.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var state = await stackProperty.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        return new DialogContext(this, turnContext, state);
    }
}
