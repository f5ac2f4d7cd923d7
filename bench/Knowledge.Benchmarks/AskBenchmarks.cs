using BenchmarkDotNet.Attributes;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Benchmarks;

/// <summary>Language identification + intent cues + retrieval for one question, as the bot does per message.</summary>
[MemoryDiagnoser]
public class AskBenchmarks
{
    public static IReadOnlyList<string> SampleQuestions { get; } =
    [
        "kje lahko odprem bancni racun",
        "how do i register my address",
        "si mund te gjej pune ne postojne",
        "gdje mogu upisati dijete u vrtic",
        "كيف احصل على تصريح الاقامة",
        "трebam doktora za dijete",
        "what is the weather tomorrow",
        "moram govoriti s svetovalcem",
    ];

    private KnowledgeEngine engine = null!;
    private int next;

    [Params("shipped", "synthetic-5000")]
    public string Content { get; set; } = "shipped";

    [GlobalSetup]
    public void Setup()
    {
        var catalog = Content == "shipped" ? TopicCatalog.LoadDefault() : SyntheticCatalog.Create(5000, seed: 42);
        engine = new KnowledgeEngine(catalog);
    }

    [Benchmark]
    public KnowledgeResult Ask() => engine.Ask(SampleQuestions[next++ % SampleQuestions.Count]);
}
