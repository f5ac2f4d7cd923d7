using System.Text.Json;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>
/// The knowledge evaluation questions (all five languages), shuffled with a fixed seed so runs compare. Conversation
/// <c>c</c> speaks language <c>c % 5</c> and asks that language's questions, as a migrant would.
/// </summary>
public sealed class Questions
{
    private readonly IReadOnlyList<(string Language, IReadOnlyList<string> Texts)> _byLanguage;

    private Questions(IReadOnlyList<(string Language, IReadOnlyList<string> Texts)> byLanguage) => _byLanguage = byLanguage;

    public static Questions Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "questions");
        var random = new Random(7);
        var byLanguage = Directory.EnumerateFiles(folder, "*.jsonl")
            // Files starting with '_' hold handoff and out-of-scope probes, not knowledge questions.
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (Language: e.GetProperty("language").GetString() ?? "en", Text: e.GetProperty("text").GetString() ?? ""))
            .OrderBy(_ => random.Next())
            .GroupBy(q => q.Language, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(q => q.Text)]))
            .ToList();
        return new Questions(byLanguage);
    }

    public string LanguageOf(int conversation) => _byLanguage[conversation % _byLanguage.Count].Language;

    public string Ask(int conversation, int turn)
    {
        var texts = _byLanguage[conversation % _byLanguage.Count].Texts;
        return texts[((conversation / _byLanguage.Count) + (turn * 13)) % texts.Count];
    }
}
