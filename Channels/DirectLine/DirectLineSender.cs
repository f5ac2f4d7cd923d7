using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Delivers bot and counselor messages into the conversation's log, where the page's stream or poll picks them up.</summary>
public sealed class DirectLineSender(IDirectLineStore store, ConversationSignals signals, TimeProvider time) : IChannelSender
{
    public string ChannelId => DirectLineInbox.ChannelId;

    public async Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            return DeliveryResult.Failed("activity has no conversation", permanent: true);
        }

        if (!await store.ConversationExistsAsync(conversationId, cancellationToken))
        {
            return DeliveryResult.Failed("conversation no longer exists", permanent: true);
        }

        // Web Chat drops a user's own message when a reply carries its clientActivityID, so replies never carry channelData.
        var reply = activity with
        {
            From = new ChannelAccount(activity.From?.Id ?? "integrationbot", activity.From?.Name ?? "IntegrationBot", RoleTypes.Bot),
            ChannelData = null,
            Timestamp = time.GetUtcNow(),
        };
        if (reply.Type == ActivityTypes.Message && reply.Text is { Length: > 0 } text && reply.TextFormat is null or "plain")
        {
            // Addresses, e-mails and phone numbers become tappable links; the rest is escaped so it stays text.
            reply = reply with { Text = TappableText.ToWebChatMarkdown(text), TextFormat = "markdown" };
        }

        // The outbox id makes a redelivery after a crash land once.
        var dedupeKey = activity.Id is { Length: > 0 } id ? "out:" + id : null;
        await store.AppendAsync(conversationId, reply, dedupeKey, cancellationToken);
        signals.Appended(conversationId);
        return DeliveryResult.Delivered;
    }
}
