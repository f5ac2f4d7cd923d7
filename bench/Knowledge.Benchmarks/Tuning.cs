using System.Globalization;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Evaluation;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Benchmarks;

/// <summary>"tune PATH": tries retrieval weights on an evaluation set and prints top-1 overall and in the weakest language.</summary>
public static class Tuning
{
    public static void Run(string path, TextWriter output)
    {
        var catalog = TopicCatalog.LoadDefault();
        var items = EvalSet.Load(path).Items;
        var baseline = new KnowledgeEngineOptions();
        var variants = new List<(string Name, KnowledgeEngineOptions Options)> { ("baseline", baseline) };
        foreach (var i in new[] { 1.5, 2.0, 3.0 })
        {
            variants.Add(($"idf={i}", baseline with { IdfPower = i }));
            variants.Add(($"idf={i},c=.7", baseline with { IdfPower = i, CentroidShare = 0.7 }));
        }

        foreach (var b in new[] { 1.0, 1.5 })
        {
            variants.Add(($"blend={b}", baseline with { OtherLanguageBlend = b }));
        }

        foreach (var (name, options) in variants)
        {
            var report = KnowledgeEvaluator.Evaluate(new KnowledgeEngine(catalog, options), items);
            var weakest = report.PerLanguage.MinBy(p => p.Value.Top1Accuracy);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-18} top1 {report.Overall.Top1Accuracy:P1} top3 {report.Overall.Top3Recall:P1} weakest {weakest.Key} {weakest.Value.Top1Accuracy:P1} oos-answered {report.Overall.OutOfScopeConfidentRate:P1} oos-rejected {report.Overall.OutOfScopeRejection:P1}"));
        }
    }
}
