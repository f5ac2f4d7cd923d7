using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Dialogs.State;

/// <summary>
/// A state scope (one document per key). It is read on first use in a turn and cached for the rest of it; the adapter
/// collects the changes at the end of the turn and commits them with the replies.
/// </summary>
public abstract class BotState(IStorage storage, string scopeName)
{
    private readonly string _cacheKey = "state:" + scopeName;

    /// <summary>The storage key of this scope for the turn's activity, e.g. <c>telegram/conversations/42</c>.</summary>
    public abstract string GetStorageKey(Activity activity);

    public IStatePropertyAccessor<T> CreateProperty<T>(string name) => new StatePropertyAccessor<T>(this, name);

    /// <summary>Loads this scope for the turn unless it is already loaded.</summary>
    public async Task LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.TurnState.Get<StateDocument>(_cacheKey) is not null)
        {
            return;
        }

        var key = GetStorageKey(turnContext.Activity);
        var found = await storage.ReadAsync([key], cancellationToken);
        var document = found.TryGetValue(key, out var item)
            ? new StateDocument(key, item.Json, item.ETag)
            : new StateDocument(key, null, null);
        turnContext.TurnState.Set(_cacheKey, document);
    }

    /// <summary>Uses <paramref name="item"/> (read ahead with the turn's lock; null: no document) as this scope's document for the turn.</summary>
    public void Preload(ITurnContext turnContext, string key, StoredItem? item) =>
        turnContext.TurnState.Set(_cacheKey, new StateDocument(key, item?.Json, item?.ETag));

    /// <summary>The write this turn needs for this scope, or null when nothing changed or it was never loaded.</summary>
    public KeyValuePair<string, StoredItem>? CollectChanges(ITurnContext turnContext)
    {
        var document = turnContext.TurnState.Get<StateDocument>(_cacheKey);
        if (document?.ChangedJson() is not { } json)
        {
            return null;
        }

        return new(document.Key, new StoredItem(json, document.ETag));
    }

    /// <summary>The scope's document for the turn; completes at once when it is already loaded, as it is after the first access.</summary>
    internal ValueTask<StateDocument> DocumentAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        return turnContext.TurnState.Get<StateDocument>(_cacheKey) is { } loaded
            ? ValueTask.FromResult(loaded)
            : LoadDocumentAsync(turnContext, cancellationToken);
    }

    private async ValueTask<StateDocument> LoadDocumentAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, cancellationToken);
        return turnContext.TurnState.Get<StateDocument>(_cacheKey)!;
    }

    protected static string Require(string? value, string what) =>
        string.IsNullOrEmpty(value) ? throw new InvalidOperationException($"The activity has no {what}; state cannot be keyed.") : value;
}
