using System.Globalization;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Evaluation;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Benchmarks;

/// <summary>
/// "tune PATH": random search over the retrieval weights on an evaluation set. The set is split in two halves
/// (by line order) and both halves are printed, so a setting that only fits one half is easy to spot.
/// </summary>
public static class Tuning
{
    public static void Run(string path, TextWriter output, int trials = 40)
    {
        var catalog = TopicCatalog.LoadDefault();
        var items = EvalSet.Load(path).Items;
        var halves = (items.Where((_, i) => i % 2 == 0).ToList(), items.Where((_, i) => i % 2 == 1).ToList());
        var random = new Random(1);
        var baseline = new KnowledgeEngineOptions();
        Report("baseline", baseline);
        for (var trial = 0; trial < trials; trial++)
        {
            var options = baseline with
            {
                AnswerTextWeight = Pick(random, 0.25, 0.5, 1.0),
                CentroidShare = Pick(random, 0.8, 0.9, 1.0),
                GramWeight = Pick(random, 0.8, 1.2, 1.6),
                PrefixWeight = Pick(random, 0.4, 0.8, 1.2),
                OtherLanguageBlend = Pick(random, 0.7, 1.0),
                IdfPower = Pick(random, 1.25, 1.5, 1.75),
                CentroidExponent = Pick(random, 0.35, 0.5, 0.65),
                KeywordWeight = Pick(random, 0.5, 1.0),
            };
            Report(string.Create(CultureInfo.InvariantCulture,
                $"a={options.AnswerTextWeight} c={options.CentroidShare} g={options.GramWeight} p={options.PrefixWeight} b={options.OtherLanguageBlend} i={options.IdfPower} e={options.CentroidExponent} k={options.KeywordWeight}"), options);
        }

        void Report(string name, KnowledgeEngineOptions options)
        {
            var engine = new KnowledgeEngine(catalog, options);
            var first = KnowledgeEvaluator.Evaluate(engine, halves.Item1);
            var second = KnowledgeEvaluator.Evaluate(engine, halves.Item2);
            var all = KnowledgeEvaluator.Evaluate(engine, items);
            var weakest = all.PerLanguage.MinBy(p => p.Value.Top1Accuracy);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{all.Overall.Top1Accuracy:P1} (halves {first.Overall.Top1Accuracy:P1} {second.Overall.Top1Accuracy:P1}) top3 {all.Overall.Top3Recall:P1} weakest {weakest.Key} {weakest.Value.Top1Accuracy:P1}  {name}"));
        }
    }

    /// <summary>"thresholds PATH": how answer/clarify thresholds and the margin split in-scope and out-of-scope questions.</summary>
    public static void Thresholds(string path, TextWriter output)
    {
        var engine = KnowledgeEngine.LoadDefault();
        var items = EvalSet.Load(path).Items;
        var results = items.Select(i => (Item: i, Result: engine.Ask(i.Text))).ToList();
        var topical = results.Where(r => r.Item.Topic is not null).ToList();
        var outOfScope = results.Where(r => r.Item.IsOutOfScope).ToList();
        foreach (var (item, result) in topical.Where(r => r.Result.Decision is Decision.Handoff or Decision.Emergency))
        {
            output.WriteLine($"topic question read as {result.Decision}: [{item.Language}] {item.Topic}: {item.Text}");
        }

        foreach (var threshold in new[] { 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5 })
        {
            foreach (var margin in new[] { 0.0, 0.03, 0.06, 0.1 })
            {
                bool Answered(KnowledgeResult r) => r.Candidates.Count > 0 && r.Score >= threshold
                    && r.Score - (r.Candidates.Count > 1 ? r.Candidates[1].Score : 0) >= margin;
                var right = topical.Count(r => Answered(r.Result) && r.Result.Topic == r.Item.Topic);
                var wrong = topical.Count(r => Answered(r.Result) && r.Result.Topic != r.Item.Topic);
                var oos = outOfScope.Count(r => Answered(r.Result));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"answer>={threshold} margin>={margin}: in-scope answered right {(double)right / topical.Count:P1}, wrong {(double)wrong / topical.Count:P1}; out-of-scope answered {(double)oos / outOfScope.Count:P1}"));
            }
        }

        foreach (var clarify in new[] { 0.1, 0.12, 0.15, 0.18, 0.2, 0.25 })
        {
            var kept = topical.Count(r => r.Result.Score >= clarify);
            var oos = outOfScope.Count(r => r.Result.Score >= clarify);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"clarify>={clarify}: in-scope offered {(double)kept / topical.Count:P1}, out-of-scope offered {(double)oos / outOfScope.Count:P1}"));
        }
    }

    private static double Pick(Random random, params double[] values) => values[random.Next(values.Length)];
}
