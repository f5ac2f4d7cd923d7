using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// Delivers bot and counselor messages into the conversation's log, where the page's stream or poll picks them up. A
/// store that wrote the line in the turn's own commit (LiteDB) hands it back from memory: delivery then only announces
/// it to the page's stream (<see cref="RecentActivities"/>, <see cref="ConversationSignals"/>).
/// </summary>
public sealed class DirectLineSender(IDirectLineStore store, ConversationSignals signals, TimeProvider time) : IChannelSender
{
    private static readonly DeliveryResult Erased = DeliveryResult.Failed("conversation no longer exists", permanent: true);

    public string ChannelId => DirectLineInbox.ChannelId;

    public async Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            return DeliveryResult.Failed("activity has no conversation", permanent: true);
        }

        // A line the turn's commit already wrote is found by its key: this only announces it to the page. The log alone
        // answers whether the conversation still exists: an erased one refuses the append rather than coming back.
        var reply = DirectLineReply.Shape(activity, time.GetUtcNow());
        var dedupeKey = DirectLineReply.DedupeKey(activity);
        if (await store.AppendAsync(conversationId, reply, dedupeKey, cancellationToken) is null)
        {
            return Erased;
        }

        signals.Appended(conversationId);
        return DeliveryResult.Delivered;
    }
}
