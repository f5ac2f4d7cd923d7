namespace IntegrationBot.Dialogs.Runtime;

/// <summary>A step every turn passes through before the bot; call <c>next</c> to continue, or skip it to end the turn here.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}
