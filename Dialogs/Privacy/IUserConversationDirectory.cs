namespace IntegrationBot.Dialogs.Privacy;

/// <summary>
/// Tells which conversations belong to a person on a channel where conversation ids are not the user id (web chat), so
/// erasure can find that person's conversation state, outbox entries and inbound ids.
/// </summary>
public interface IUserConversationDirectory
{
    string ChannelId { get; }

    Task<IReadOnlyList<string>> ConversationIdsOfAsync(string userId, CancellationToken cancellationToken);
}
