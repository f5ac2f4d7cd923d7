namespace IntegrationBot.Channels.DirectLine;

/// <summary>What a verified token grants: one conversation, as one user, until it expires.</summary>
public sealed record DirectLineToken(string ConversationId, string UserId, DateTimeOffset ExpiresAt);
