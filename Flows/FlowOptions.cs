using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Flows;

/// <summary>Settings of the conversation flows (section IntegrationBot:Bot).</summary>
public sealed class FlowOptions
{
    public const string Section = "IntegrationBot:Bot";

    /// <summary>Answers longer than this are split at sentence boundaries (under every channel's limit).</summary>
    [Range(200, 4000)]
    public int MaxReplyLength { get; set; } = 1000;

    /// <summary>How sure the language identifier must be before the bot asks whether to switch language.</summary>
    [Range(0.5, 1.0)]
    public double SwitchConfidence { get; set; } = 0.9;
}
