using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Bot.Hosting;

/// <summary>Section <c>IntegrationBot:Shutdown</c>.</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "IntegrationBot:Shutdown";

    /// <summary>On SIGTERM: how long running turns may finish and the outbox may deliver before the process exits.</summary>
    [Range(0, 300)]
    public int DrainSeconds { get; set; } = 10;
}
