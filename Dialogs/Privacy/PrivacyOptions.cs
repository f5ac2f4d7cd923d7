using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Dialogs.Privacy;

/// <summary>Section <c>IntegrationBot:Privacy</c>: one retention period for every store (Handoff's follows it).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "IntegrationBot:Privacy";

    /// <summary>Texts, processed ids and dead letters older than this are purged; counts without text remain.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;
}
