using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Console;

/// <summary>A request as the console shows it. The conversation reference and user id stay on the server.</summary>
public sealed record HandoffView(
    Guid Id,
    string ChannelId,
    string Language,
    string RoutingLanguage,
    string? Topic,
    HandoffReason Reason,
    HandoffPriority Priority,
    HandoffStatus Status,
    DateTimeOffset CreatedAt,
    double WaitSeconds,
    string? AssignedCounselor,
    string? Preview,
    bool CanServe,
    string? NeedsLanguage,
    string Direction,
    string? Outcome,
    int? Satisfaction,
    IReadOnlyList<TranscriptEntry>? Transcript,
    IReadOnlyList<HandoffNote>? Notes)
{
    /// <summary>Set when the person blocked the bot (<c>blocked</c>) or left the channel (<c>left</c>): nothing reaches them.</summary>
    public string? Unreachable { get; init; }

    public static HandoffView From(HandoffRequest r, DateTimeOffset now, bool canServe = true, string? needsLanguage = null, bool details = false) => new(
        r.Id,
        r.Address.ChannelId,
        r.Language,
        r.RoutingLanguage,
        r.Topic,
        r.Reason,
        r.Priority,
        r.Status,
        r.CreatedAt,
        Math.Round(((r.FirstClaimedAt ?? now) - r.CreatedAt).TotalSeconds),
        r.AssignedCounselor,
        PreviewOf(r),
        canServe,
        needsLanguage,
        r.Language == "ar" ? "rtl" : "auto",
        r.Outcome,
        r.Satisfaction,
        details ? r.Transcript : null,
        details ? r.Notes : null);

    // What the person wrote last: a pressed button's title ("Accept" under the privacy notice, "Talk to a counselor") says
    // nothing of what they need, and a counselor scanning the queue reads the preview for that.
    private static string? PreviewOf(HandoffRequest r)
    {
        var last = r.Transcript.LastOrDefault(e => e.Author == TranscriptAuthor.User && !e.ButtonPressed)?.Text;
        return last is null ? null : last.Length <= 120 ? last : string.Concat(last.AsSpan(0, 119), "…");
    }
}
