namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// What a verified token grants: one conversation, as one user, until it expires. <paramref name="ChainStartedAt"/> is
/// when the first token of its refresh chain was issued (refreshing never moves it).
/// </summary>
public sealed record DirectLineToken(string ConversationId, string UserId, DateTimeOffset ExpiresAt, DateTimeOffset ChainStartedAt);
