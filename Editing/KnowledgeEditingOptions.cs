namespace IntegrationBot.Editing;

/// <summary>Settings of knowledge-base editing (<c>IntegrationBot:Knowledge</c>).</summary>
public sealed class KnowledgeEditingOptions
{
    public const string SectionName = "IntegrationBot:Knowledge";

    /// <summary>A language not reviewed for this many days is marked stale in the console.</summary>
    public int ReviewPeriodDays { get; set; } = 180;
}
