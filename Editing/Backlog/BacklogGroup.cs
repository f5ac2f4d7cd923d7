namespace IntegrationBot.Editing.Backlog;

/// <summary>
/// Similar unanswered or 👎 questions in one language. <see cref="Key"/> names the group for dismissing;
/// <see cref="Topic"/> is the topic the bot answered (👎) or, for no-match questions, its best guess.
/// </summary>
public sealed record BacklogGroup(
    string Key, string Language, int Count, int NoMatch, int NegativeFeedback, string? Topic, IReadOnlyList<string> Questions, DateTimeOffset LastAt);
