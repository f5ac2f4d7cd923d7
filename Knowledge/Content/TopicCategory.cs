namespace IntegrationBot.Knowledge.Content;

/// <summary>The menu categories a topic can belong to.</summary>
public static class TopicCategory
{
    /// <summary>Every valid category value, in menu order.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["documents", "health", "work", "education", "family", "money", "housing", "transport", "safety", "office"];

    public static bool IsValid(string? category) => category is not null && All.Contains(category, StringComparer.Ordinal);
}
