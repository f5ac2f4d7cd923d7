using System.Text.Json.Nodes;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>One request a fake remote API received: the method and its parameters.</summary>
public sealed record ApiCall(string Method, JsonObject Parameters);
