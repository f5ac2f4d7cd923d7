namespace IntegrationBot.Channels.DirectLine;

/// <summary>A web chat reply's log line that its turn's commit wrote, keyed as its delivery will ask for it.</summary>
public sealed record CommittedWebChatLine(string ConversationId, string DedupeKey, AppendedActivity Line);
