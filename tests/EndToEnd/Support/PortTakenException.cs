namespace IntegrationBot.EndToEnd.Support;

/// <summary>The host could not listen on its port: another process held it.</summary>
public sealed class PortTakenException(int port, string message) : InvalidOperationException($"port {port} is taken: {message}");
