namespace IntegrationBot.Handoff.Queue;

/// <summary>An internal note between counselors; never shown to the user.</summary>
public sealed record HandoffNote(DateTimeOffset At, string Counselor, string Text);
