namespace IntegrationBot.Dialogs.Flows.Echo;

/// <summary>What the echo bot remembers about a conversation.</summary>
public sealed record EchoMemory(bool Greeted, int Messages);
