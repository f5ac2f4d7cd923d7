using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Dialogs.State;

/// <summary>The accessor returned by <see cref="BotState.CreateProperty{T}"/>.</summary>
internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultFactory, CancellationToken cancellationToken = default)
    {
        var document = await state.DocumentAsync(turnContext, cancellationToken);
        if (document.TryGet<T>(Name, out var value))
        {
            return value;
        }

        value = defaultFactory();
        document.Set(Name, value);
        return value;
    }

    public async Task<T?> GetOrDefaultAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var document = await state.DocumentAsync(turnContext, cancellationToken);
        return document.TryGet<T>(Name, out var value) ? value : default;
    }

    public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default) =>
        (await state.DocumentAsync(turnContext, cancellationToken)).Set(Name, value);

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        (await state.DocumentAsync(turnContext, cancellationToken)).Delete(Name);
}
