namespace IntegrationBot.Channels.Common;

/// <summary>A web address, e-mail address or phone number inside a message, and where tapping it should lead.</summary>
public sealed record TappableSpan(int Start, int Length, string Target);
