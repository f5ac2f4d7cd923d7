
namespace IntegrationBot.Dialogs.Privacy;

/// <summary>
/// An eraser of a channel whose conversation log is itself stored (web chat). When a person erases their data from
/// inside a conversation (/delete), that conversation's log is emptied but the conversation stays open, so the
/// confirmation of the erasure (which holds no personal data) still reaches them there; the admin erase removes it.
/// </summary>
public interface IConversationKeepingEraser : IUserDataEraser
{
    /// <summary>Like <see cref="IUserDataEraser.DeleteUserDataAsync"/>, except that <paramref name="conversationId"/>, when it
    /// is the person's, keeps its id and watermark (new activities follow on) with none of its activities left.</summary>
    Task<int> DeleteUserDataKeepingConversationAsync(string channelId, string userId, string conversationId, CancellationToken cancellationToken);
}
