using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Flows;

/// <summary>Privacy settings shown to the person (section IntegrationBot:Privacy).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "IntegrationBot:Privacy";

    /// <summary>How long transcripts are kept; stated in the privacy notice.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;
}
