using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>A typical cheap middleware (the real host will have a few): notes the channel's locale hint for the turn.</summary>
public sealed class LocaleMiddleware : IMiddleware
{
    public const string TurnStateKey = "bench:locale";

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        turnContext.TurnState.Set(TurnStateKey, turnContext.Activity.Locale ?? string.Empty);
        return next(cancellationToken);
    }
}
