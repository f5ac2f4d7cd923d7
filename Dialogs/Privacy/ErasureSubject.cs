using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Privacy;

/// <summary>
/// The person an erasure or export is about, and which runtime records are theirs: one set of rules for the LiteDB
/// (<c>Storage.LiteDb</c>'s <c>DialogsUserData</c>) and the PostgreSQL provider, so both erase the same records.
/// </summary>
public sealed record ErasureSubject(string ChannelId, string UserId, IReadOnlySet<string> ConversationIds)
{
    /// <summary>The name of the runtime's own eraser (state, inbound ids, outbox) in every storage provider.</summary>
    public const string RuntimeEraserName = "dialogs";

    public string[] ConversationKeys { get; } = [.. ConversationIds.Select(c => $"{ChannelId}/conversations/{c}")];

    public string[] StateKeys { get; } = [.. ConversationIds.Select(c => $"{ChannelId}/conversations/{c}"), $"{ChannelId}/users/{UserId}"];

    /// <summary>Inbound keys are <c>{channel}|{activity id}</c>; these prefixes narrow the candidates in SQL, and
    /// <see cref="OwnsInboundKey"/> decides.</summary>
    public string[] InboundPrefixes { get; } = [.. ConversationIds.Select(c => $"{ChannelId}|{c}")];

    public static async Task<ErasureSubject> FindAsync(
        string channelId,
        string userId,
        IEnumerable<IUserConversationDirectory> directories,
        CancellationToken cancellationToken)
    {
        // On Telegram and Viber a private chat's id is the user's id; other channels say which conversations are theirs.
        var conversations = new HashSet<string>(StringComparer.Ordinal) { userId };
        foreach (var directory in directories.Where(d => d.ChannelId == channelId))
        {
            conversations.UnionWith(await directory.ConversationIdsOfAsync(userId, cancellationToken));
        }

        return new ErasureSubject(channelId, userId, conversations);
    }

    /// <summary>An outbox entry of one of their conversations, or addressed to them (e.g. a counselor's reply).</summary>
    public bool OwnsOutboxEntry(string conversationKey, string activityJson)
    {
        if (ConversationKeys.Contains(conversationKey, StringComparer.Ordinal))
        {
            return true;
        }

        var activity = ActivityJson.Deserialize(activityJson);
        return activity?.ChannelId == ChannelId && activity.Recipient?.Id == UserId;
    }

    /// <summary>An activity id that is a conversation id, or starts with one followed by a separator (web chat's
    /// <c>{conversation}|{seq}</c>), is of that conversation.</summary>
    public bool OwnsInboundKey(string key)
    {
        var prefix = ChannelId + "|";
        if (!key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var activityId = key[prefix.Length..];
        return ConversationIds.Any(c => activityId.StartsWith(c, StringComparison.Ordinal)
            && (activityId.Length == c.Length || !char.IsLetterOrDigit(activityId[c.Length])));
    }
}
