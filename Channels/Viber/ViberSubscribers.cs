using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Channels.Viber;

/// <summary>Viber's subscriptions kept as the channel-wide unreachable marks, so an unsubscribed person is skipped by
/// the outbox and shown to the counselor like a Telegram user who blocked the bot.</summary>
public sealed class ViberSubscribers(IUnreachableRecipients unreachable) : IViberSubscribers
{
    // For a Viber private chat the conversation id is the user's id.
    public void MarkSubscribed(string userId) => unreachable.Clear(ViberActivityMapper.ChannelId, userId);

    public void MarkUnsubscribed(string userId) => unreachable.Mark(ViberActivityMapper.ChannelId, userId, UnreachableReason.Left);

    public bool IsUnsubscribed(string userId) => unreachable.ReasonFor(ViberActivityMapper.ChannelId, userId) is not null;
}
