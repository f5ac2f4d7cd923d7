namespace IntegrationBot.Handoff.Feedback;

/// <summary>A question the bot could not answer (or answered with 👎). Channel and user ids are kept only so erasure can find it.</summary>
public sealed record UnansweredQuestion(string ChannelId, string UserId, string Language, string? Topic, string Text, UnansweredKind Kind, DateTimeOffset At);
