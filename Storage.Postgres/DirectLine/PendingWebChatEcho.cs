using System.Security.Cryptography;
using System.Text;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Storage.Postgres.DirectLine;

/// <summary>
/// A person's web chat message waiting for the commit of the turn it starts, which writes its line (issue 19,
/// <see cref="PendingWebChatEchoes"/>). <see cref="Written"/> completes once the line is durable (or known not to be
/// written: erased in its own turn, already in the log), which is when the page's POST is answered.
/// </summary>
internal sealed class PendingWebChatEcho(string conversationId, string dedupeKey, Activity line, DateTimeOffset at)
{
    private int _claimed;
    private volatile bool _erased;

    public string ConversationId { get; } = conversationId;

    /// <summary>The page's <c>clientActivityID</c> as the log keys it, or one made from the id when it sent none.</summary>
    public string DedupeKey { get; } = dedupeKey;

    /// <summary>The line as stored, with its id (the turn's inbound id) but not yet its number.</summary>
    public Activity Line { get; } = line;

    public DateTimeOffset At { get; } = at;

    /// <summary>The turn's inbound key: what its session looks the echo up by.</summary>
    public string InboundKey => $"{DirectLineInbox.ChannelId}|{Line.Id}";

    public TaskCompletionSource<AppendedActivity> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The person erased the conversation (or its activities) after posting it: it must not be written.</summary>
    public bool Erased => _erased;

    public void Erase() => _erased = true;

    /// <summary>
    /// The id of a person's message, known before its turn: from the page's <c>clientActivityID</c> (the dedupe key), so
    /// a resend gets the same id, and with it the same inbound id, on any instance without asking the database; a
    /// message without one gets a fresh id (nothing can resend it). A hash keeps whatever the page sent out of the id.
    /// </summary>
    public static string IdFor(string conversationId, string? dedupeKey) =>
        conversationId + "|m" + (dedupeKey is null
            ? Guid.NewGuid().ToString("N")[..16]
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupeKey)), 0, 8));

    /// <summary>True for the one session that writes it (a resend's turn running alongside finds it taken).</summary>
    public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;
}
