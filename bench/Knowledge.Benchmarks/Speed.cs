using System.Diagnostics;
using System.Globalization;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Benchmarks;

/// <summary>"speed": a quick stopwatch check of the median per question (the real numbers come from BenchmarkDotNet).</summary>
public static class Speed
{
    public static void Run(TextWriter output)
    {
        foreach (var (name, catalog) in new[] { ("shipped", TopicCatalog.LoadDefault()), ("synthetic-5000", SyntheticCatalog.Create(5000, 42)) })
        {
            var build = Stopwatch.StartNew();
            var engine = new KnowledgeEngine(catalog);
            build.Stop();
            var questions = AskBenchmarks.SampleQuestions;
            var times = new List<double>();
            for (var i = 0; i < 2000; i++)
            {
                var watch = Stopwatch.StartNew();
                engine.Ask(questions[i % questions.Count]);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: build {build.Elapsed.TotalSeconds:0.0} s, median {times[times.Count / 2]:0.000} ms, p90 {times[times.Count * 9 / 10]:0.000} ms"));
        }
    }
}
