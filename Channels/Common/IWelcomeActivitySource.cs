using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.Common;

/// <summary>Produces the bot's welcome for a conversation that has just started, without sending it.</summary>
/// <remarks>Viber allows the welcome only as the HTTP answer to <c>conversation_started</c>, so the host runs the
/// bot's welcome turn and returns the first reply instead of delivering it through the outbox.</remarks>
public interface IWelcomeActivitySource
{
    Task<Activity?> GetWelcomeAsync(Activity conversationUpdate, CancellationToken cancellationToken);
}
