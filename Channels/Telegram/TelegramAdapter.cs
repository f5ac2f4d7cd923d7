using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Channels.Telegram;

/// <summary>Runs Telegram activities as durable turns of the host's bot (exactly once per <c>update_id</c>).</summary>
public sealed class TelegramAdapter(BotRuntime runtime, IBot bot) : BotAdapter(runtime), IInboundActivityHandler
{
    public Task HandleAsync(Activity activity, CancellationToken cancellationToken) =>
        ProcessActivityAsync(activity, bot, cancellationToken);
}
