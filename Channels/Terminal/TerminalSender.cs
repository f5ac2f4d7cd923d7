using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Channels.Terminal;

/// <summary>Delivers outbox entries of the terminal channel by printing them.</summary>
public sealed class TerminalSender(TerminalConsole console) : IChannelSender
{
    public string ChannelId => TerminalAdapter.ChannelId;

    public Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.Message)
        {
            console.Print(activity);
        }

        return Task.FromResult(DeliveryResult.Delivered);
    }
}
