namespace IntegrationBot.Dialogs.Runtime;

/// <summary>The bot's logic: handles one turn.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
