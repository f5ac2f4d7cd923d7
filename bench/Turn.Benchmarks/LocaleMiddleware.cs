using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>A typical cheap middleware (the real host will have a few): notes the channel's locale hint for the turn.</summary>
public sealed class LocaleMiddleware : IMiddleware
{
    public static readonly TurnStateKey<string> Locale = new("bench:locale");

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        Locale.Set(turnContext, turnContext.Activity.Locale ?? string.Empty);
        return next(cancellationToken);
    }
}
