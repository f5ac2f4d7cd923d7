using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Dialogs.State;

/// <summary>State of one conversation (dialog stack, language, handoff status).</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, "conversation")
{
    public override string GetStorageKey(Activity activity) => KeyFor(activity);

    /// <summary>The conversation key also used for the turn lock and the outbox.</summary>
    public static string KeyFor(Activity activity) =>
        KeyFor(Require(activity.ChannelId, "channelId"), Require(activity.Conversation?.Id, "conversation id"));

    /// <summary>The same key from its parts (a store that joins a write to the conversation's turn commit).</summary>
    public static string KeyFor(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";
}
