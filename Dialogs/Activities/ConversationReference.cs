namespace IntegrationBot.Dialogs.Activities;

/// <summary>Everything needed to write into a conversation later, e.g. a counselor's reply sent proactively.</summary>
public sealed record ConversationReference(
    string ChannelId,
    ConversationAccount Conversation,
    ChannelAccount? User = null,
    ChannelAccount? Bot = null,
    string? ServiceUrl = null,
    string? Locale = null,
    string? ActivityId = null)
{
    /// <summary>The event activity a proactive turn runs on; it has no id, so it is never deduplicated.</summary>
    public Activity ToContinuationActivity() => new()
    {
        Type = ActivityTypes.Event,
        Name = "continueConversation",
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = User,
        Recipient = Bot,
        Locale = Locale,
    };
}
