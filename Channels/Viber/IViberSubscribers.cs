namespace IntegrationBot.Channels.Viber;

/// <summary>Who has unsubscribed: messages to them would fail, so the sender stops instead of sending.</summary>
public interface IViberSubscribers
{
    void MarkSubscribed(string userId);

    void MarkUnsubscribed(string userId);

    bool IsUnsubscribed(string userId);
}
