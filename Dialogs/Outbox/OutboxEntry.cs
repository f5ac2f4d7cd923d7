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
    // Delivery reads the activity, then the delivery observer reads it again: parsed once per entry (a reply's JSON
    // parse was ~10 % of a turn's CPU). Outside the record's equality; a copy with other JSON parses its own.
    private readonly ParsedActivity _parsed = new();

    /// <summary>The reply, parsed from <see cref="ActivityJson"/> once; treat it as read-only (senders copy with <c>with</c>).</summary>
    public Activity Activity => _parsed.Of(ActivityJson) ?? throw new InvalidOperationException($"Outbox entry {Id} holds no activity.");

    public static string IdFor(string conversationKey, long sequence) => $"{conversationKey}#{sequence:D12}";
}
