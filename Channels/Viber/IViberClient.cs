namespace IntegrationBot.Channels.Viber;

/// <summary>The Viber REST calls the bot makes.</summary>
public interface IViberClient
{
    Task<ViberApiResponse> SendMessageAsync(ViberSendMessage message, CancellationToken cancellationToken);

    Task<ViberApiResponse> SetWebhookAsync(Uri url, IReadOnlyList<string> eventTypes, CancellationToken cancellationToken);
}
