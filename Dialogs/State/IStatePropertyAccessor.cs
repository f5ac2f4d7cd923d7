using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Dialogs.State;

/// <summary>A typed property of a state scope (conversation or user), read and written within a turn.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>The stored value; when none exists, <paramref name="defaultFactory"/>'s value is stored and returned.</summary>
    Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultFactory, CancellationToken cancellationToken = default);

    /// <summary>The stored value or <c>default</c> when none exists (nothing is stored).</summary>
    Task<T?> GetOrDefaultAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
