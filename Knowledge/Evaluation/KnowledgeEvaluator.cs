using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Evaluation;

/// <summary>
/// Runs evaluation items through the engine exactly as <c>ask</c> does (no forced or conversation language).
/// Top-1 counts the reported topic whatever the decision; out-of-scope counts as rejected when the decision is
/// none, handoff or emergency, and as answered confidently when the decision is answer.
/// </summary>
public static class KnowledgeEvaluator
{
    public static EvalReport Evaluate(KnowledgeEngine engine, IEnumerable<EvalItem> items)
    {
        var perLanguage = new Dictionary<string, EvalScore>(StringComparer.Ordinal);
        var overall = new EvalScore();
        var misses = new List<string>();
        foreach (var item in items)
        {
            var result = engine.Ask(item.Text);
            var score = perLanguage.TryGetValue(item.Language, out var existing) ? existing : perLanguage[item.Language] = new EvalScore();
            var languageCorrect = result.Language == item.Language;
            score.AddLanguage(languageCorrect);
            overall.AddLanguage(languageCorrect);
            if (!languageCorrect)
            {
                misses.Add($"lang  {item.Language}->{result.Language} ({result.LanguageConfidence:0.00}): {item.Text}");
            }

            if (item.Topic is not null)
            {
                var top1 = result.Topic == item.Topic;
                var top3 = result.Candidates.Take(3).Any(c => c.Topic == item.Topic);
                score.AddTopical(top1, top3);
                overall.AddTopical(top1, top3);
                if (!top1)
                {
                    misses.Add($"topic [{item.Language}] want {item.Topic}, got {result.Topic ?? "-"} {result.Score:0.00} {KnowledgeResultJson.DecisionName(result.Decision)}: {item.Text}");
                }
            }
            else if (item.IsOutOfScope)
            {
                var rejected = result.Decision is Decision.None or Decision.Handoff or Decision.Emergency or Decision.Frustration or Decision.Greeting or Decision.Thanks;
                var answered = result.Decision == Decision.Answer;
                score.AddOutOfScope(rejected, answered);
                overall.AddOutOfScope(rejected, answered);
                if (!rejected)
                {
                    misses.Add($"oos   [{item.Language}] {KnowledgeResultJson.DecisionName(result.Decision)} {result.Topic} {result.Score:0.00}: {item.Text}");
                }
            }
            else if (item.IsHandoff)
            {
                var detected = result.Decision == Decision.Handoff;
                score.AddHandoff(detected);
                overall.AddHandoff(detected);
                if (!detected)
                {
                    misses.Add($"hand  [{item.Language}] {KnowledgeResultJson.DecisionName(result.Decision)}: {item.Text}");
                }
            }
        }

        return new EvalReport(perLanguage, overall, misses);
    }
}
