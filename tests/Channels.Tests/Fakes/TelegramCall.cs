using System.Text.Json.Nodes;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>One request the fake Bot API received: the method and its parameters.</summary>
public sealed record TelegramCall(string Method, JsonObject Parameters);
