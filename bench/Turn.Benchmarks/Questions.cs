using System.Text.Json;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>The knowledge evaluation questions (all five languages), shuffled with a fixed seed so runs compare.</summary>
public static class Questions
{
    public static IReadOnlyList<string> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "questions");
        var texts = Directory.EnumerateFiles(folder, "*.jsonl")
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? string.Empty)
            .ToList();
        var random = new Random(7);
        return [.. texts.OrderBy(_ => random.Next())];
    }
}
