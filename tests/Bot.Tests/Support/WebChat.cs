namespace IntegrationBot.Bot.Tests.Support;

/// <summary>One web chat conversation as the page holds it.</summary>
public sealed record WebChat(string ConversationId, string UserId, string Token);
