namespace IntegrationBot.Dialogs.Outbox;

/// <summary>
/// People who cannot be reached on a channel (blocked the bot, unsubscribed): the outbox sends them nothing, the console
/// shows it and refuses a counselor's message with that status; a new message from the person clears the mark.
/// </summary>
public interface IUnreachableRecipients
{
    /// <summary>The <see cref="UnreachableReason"/> when marked, else null.</summary>
    string? ReasonFor(string channelId, string conversationId);

    void Mark(string channelId, string conversationId, string reason);

    /// <summary>Removes the mark; true when there was one.</summary>
    bool Clear(string channelId, string conversationId);
}
