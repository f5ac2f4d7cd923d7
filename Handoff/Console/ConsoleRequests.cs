namespace IntegrationBot.Handoff.Console;

/// <summary>Request bodies of the console API.</summary>
public static class ConsoleRequests
{
    public sealed record Login(string? Name, string? Password);

    public sealed record Message(string? Text);

    public sealed record Transfer(string? Counselor, string? Language);

    public sealed record Close(string? Outcome);

    public sealed record PlanStep(string? StepId);

    public sealed record Satisfaction(int Score);

    public sealed record Canned(string? Language, string? Title, string? Text);

    /// <summary>An account to add or replace; <c>IsEditor</c> left out keeps an existing account's editor role.</summary>
    public sealed record NewCounselor(string? Name, string[]? Languages, string? Password, bool IsAdmin, bool? IsEditor = null);
}
