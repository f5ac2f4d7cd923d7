namespace IntegrationBot.Dialogs.Prompts;

/// <summary>One option of a choice prompt: <see cref="Value"/> is what the code sees, <see cref="Title"/> what the user sees.</summary>
public sealed record Choice(string Value, string? Title = null, IReadOnlyList<string>? Synonyms = null)
{
    public string DisplayTitle => Title ?? Value;
}
