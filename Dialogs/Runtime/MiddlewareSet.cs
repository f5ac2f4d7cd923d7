namespace IntegrationBot.Dialogs.Runtime;

/// <summary>Runs middleware in registration order, then the bot's callback.</summary>
public sealed class MiddlewareSet
{
    private readonly List<IMiddleware> _middleware = [];

    public MiddlewareSet(IEnumerable<IMiddleware>? middleware = null)
    {
        if (middleware is not null)
        {
            _middleware.AddRange(middleware);
        }
    }

    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    public Task RunAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken) =>
        RunFrom(0, turnContext, callback, cancellationToken);

    private Task RunFrom(int index, ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return callback(turnContext, cancellationToken);
        }

        return _middleware[index].OnTurnAsync(
            turnContext,
            ct => RunFrom(index + 1, turnContext, callback, ct),
            cancellationToken);
    }
}
