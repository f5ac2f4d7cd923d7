using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Channels.Common;

/// <summary>Where a channel hands an inbound activity for its turn; the channel adapter implements it.</summary>
/// <remarks>Throwing means "not processed": the webhook then answers 503 so the remote side redelivers.</remarks>
public interface IInboundActivityHandler
{
    Task HandleAsync(Activity activity, CancellationToken cancellationToken);
}
