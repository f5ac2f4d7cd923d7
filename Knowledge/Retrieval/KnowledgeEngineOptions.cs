namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>Thresholds of the engine; the defaults are tuned on the evaluation set (docs/knowledge-base.md).</summary>
public sealed record KnowledgeEngineOptions
{
    /// <summary>At or above this score, with enough margin over the runner-up, the answer is shown directly.</summary>
    public double AnswerThreshold { get; init; } = 0.40;

    /// <summary>The best score must lead the second topic by this much for a direct answer; otherwise clarify.</summary>
    public double AnswerMargin { get; init; } = 0.05;

    /// <summary>Below this score nothing fits.</summary>
    public double ClarifyThreshold { get; init; } = 0.22;

    /// <summary>Below this confidence the conversation's current language is kept.</summary>
    public double LanguageThreshold { get; init; } = 0.6;

    /// <summary>Only this many characters of a message are searched; longer messages are cut (a 100 KB paste stays fast).</summary>
    public int MaxQuestionLength { get; init; } = 1000;
}
