using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Dialogs.State;

/// <summary>The accessor returned by <see cref="BotState.CreateProperty{T}"/>.</summary>
/// <remarks>
/// Every access after the first in a turn finds the document loaded, so those complete synchronously without an async
/// state machine; the middleware and the flows read the same properties many times per turn.
/// </remarks>
internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultFactory, CancellationToken cancellationToken = default)
    {
        var pending = state.DocumentAsync(turnContext, cancellationToken);
        return pending.IsCompletedSuccessfully
            ? Task.FromResult(GetOrAdd(pending.Result, defaultFactory))
            : GetSlowAsync(pending, defaultFactory);
    }

    public Task<T?> GetOrDefaultAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var pending = state.DocumentAsync(turnContext, cancellationToken);
        return pending.IsCompletedSuccessfully
            ? Task.FromResult(pending.Result.TryGet<T>(Name, out var value) ? value : default)
            : GetOrDefaultSlowAsync(pending);
    }

    public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
    {
        var pending = state.DocumentAsync(turnContext, cancellationToken);
        if (!pending.IsCompletedSuccessfully)
        {
            return SetSlowAsync(pending, value);
        }

        pending.Result.Set(Name, value);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var pending = state.DocumentAsync(turnContext, cancellationToken);
        if (!pending.IsCompletedSuccessfully)
        {
            return DeleteSlowAsync(pending);
        }

        pending.Result.Delete(Name);
        return Task.CompletedTask;
    }

    private T GetOrAdd(StateDocument document, Func<T> defaultFactory)
    {
        if (document.TryGet<T>(Name, out var value))
        {
            return value;
        }

        value = defaultFactory();
        document.Set(Name, value);
        return value;
    }

    private async Task<T> GetSlowAsync(ValueTask<StateDocument> pending, Func<T> defaultFactory) =>
        GetOrAdd(await pending, defaultFactory);

    private async Task<T?> GetOrDefaultSlowAsync(ValueTask<StateDocument> pending) =>
        (await pending).TryGet<T>(Name, out var value) ? value : default;

    private async Task SetSlowAsync(ValueTask<StateDocument> pending, T value) => (await pending).Set(Name, value);

    private async Task DeleteSlowAsync(ValueTask<StateDocument> pending) => (await pending).Delete(Name);
}
