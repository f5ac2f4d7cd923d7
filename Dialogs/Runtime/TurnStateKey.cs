namespace IntegrationBot.Dialogs.Runtime;

/// <summary>
/// A typed slot in a turn's state (<see cref="ITurnContext.TurnState"/>): written and read back as
/// <typeparamref name="T"/>, so no call site repeats a string key or casts what it reads.
/// </summary>
public sealed class TurnStateKey<T>(string name)
    where T : class
{
    /// <summary>The name under which the value is kept; unique per key in a turn.</summary>
    public string Name { get; } = name;

    /// <summary>This turn's value, or null when none was set.</summary>
    public T? Get(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<T>(Name);
    }

    public void Set(ITurnContext turnContext, T value)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Set(Name, value);
    }
}
