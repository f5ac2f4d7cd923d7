namespace IntegrationBot.Handoff.Queue;

/// <summary>Where the user is: the host gives an opaque reference it can later use to reach the user proactively.</summary>
public sealed record ConversationAddress(string ChannelId, string ConversationId, string UserId, string ReferenceJson);
