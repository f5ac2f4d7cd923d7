using System.Text.Json;

namespace IntegrationBot.LoadTool;

/// <summary>Knowledge-base questions by language (from the evaluation set), so each simulated migrant asks in one language.</summary>
public sealed class QuestionBank(IReadOnlyList<(string Language, IReadOnlyList<string> Texts)> languages)
{
    public static QuestionBank Load(string directory)
    {
        var byLanguage = Directory.EnumerateFiles(directory, "*.jsonl")
            // Files starting with '_' hold handoff and out-of-scope probes, not knowledge questions.
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => (Language: e.GetProperty("language").GetString() ?? "en", Text: e.GetProperty("text").GetString() ?? ""))
            .GroupBy(q => q.Language, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(q => q.Text)]))
            .ToList();
        return byLanguage.Count > 0
            ? new QuestionBank(byLanguage)
            : throw new InvalidDataException($"No questions found in {directory}.");
    }

    private static readonly string[] MenuOrder = ["sl", "en", "sq", "hbs", "ar"];

    public int LanguageCount => languages.Count;

    public string LanguageOf(int conversation) => languages[conversation % languages.Count].Language;

    /// <summary>Where the conversation's language sits in the bot's language menu (sl, en, sq, hbs, ar).</summary>
    public int LanguageIndexOf(int conversation) => Math.Max(0, Array.IndexOf(MenuOrder, LanguageOf(conversation)));

    public string Question(int conversation, int turn)
    {
        var texts = languages[conversation % languages.Count].Texts;
        return texts[((conversation / languages.Count) * 7 + turn) % texts.Count];
    }
}
