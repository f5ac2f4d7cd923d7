using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Evaluation;

/// <summary>The result of an evaluation run: scores per language and overall, and the items that went wrong.</summary>
public sealed record EvalReport(
    IReadOnlyDictionary<string, EvalScore> PerLanguage,
    EvalScore Overall,
    IReadOnlyList<string> Misses)
{
    /// <summary>Languages in the usual order, then any other codes found in the file.</summary>
    public IEnumerable<string> Languages =>
        Language.All.Where(PerLanguage.ContainsKey).Concat(PerLanguage.Keys.Where(k => !Language.IsSupported(k)).Order(StringComparer.Ordinal));
}
