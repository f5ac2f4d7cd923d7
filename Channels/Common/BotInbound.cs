using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Channels.Common;

/// <summary>The <see cref="IInboundActivityHandler"/> of every chat channel: the activity runs as a durable turn of the
/// host's bot on the one <see cref="TurnRunner"/>, which also recognizes a repeated inbound id.</summary>
public sealed class BotInbound(TurnRunner runner, IBot bot) : IInboundActivityHandler
{
    public Task HandleAsync(Activity activity, CancellationToken cancellationToken) =>
        runner.ProcessActivityAsync(activity, bot, cancellationToken);
}
