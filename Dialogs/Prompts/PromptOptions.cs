using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Prompts;

/// <summary>What a prompt says and offers; texts come from the caller's localized strings.</summary>
public sealed record PromptOptions
{
    public Activity? Prompt { get; init; }

    /// <summary>Sent after invalid input; the prompt itself is repeated when absent.</summary>
    public Activity? RetryPrompt { get; init; }

    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>How many invalid answers are re-prompted before the prompt ends with no answer (a null result).</summary>
    public int MaxRetries { get; init; } = 2;

    public static PromptOptions Text(string prompt, string? retryPrompt = null, IReadOnlyList<Choice>? choices = null) => new()
    {
        Prompt = new Activity { Text = prompt },
        RetryPrompt = retryPrompt is null ? null : new Activity { Text = retryPrompt },
        Choices = choices,
    };
}
