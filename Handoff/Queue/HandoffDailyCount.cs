namespace IntegrationBot.Handoff.Queue;

/// <summary>Aggregate statistics of purged requests: no text, no user ids. Date is the office's local date.</summary>
public sealed record HandoffDailyCount(DateOnly Date, string Language, HandoffReason Reason, int Count, int SatisfactionSum, int SatisfactionCount);
