using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary>One reply waiting for delivery; <see cref="Sequence"/> orders the entries of a conversation.</summary>
public sealed record OutboxEntry(
    string Id,
    string ConversationKey,
    long Sequence,
    string ChannelId,
    string ActivityJson,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt,
    string? LastError = null)
{
    public Activity Activity => Activities.ActivityJson.Deserialize(ActivityJson)
        ?? throw new InvalidOperationException($"Outbox entry {Id} holds no activity.");

    public static string IdFor(string conversationKey, long sequence) => $"{conversationKey}#{sequence:D12}";
}
