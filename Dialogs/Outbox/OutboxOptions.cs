using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Dialogs.Outbox;

/// <summary>Section <c>IntegrationBot:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "IntegrationBot:Outbox";

    /// <summary>Attempts before an entry is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The worker also wakes this often, in case a signal was missed (e.g. entries from another process).</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(30);
}
