using BenchmarkDotNet.Attributes;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Benchmarks;

/// <summary>
/// One long message, as the Direct Line fuzz test sends it: a phrase repeated up to the 20,000 characters the engine
/// reads for danger. The cost should grow with the length, not with its square (a message is what an attacker controls).
/// </summary>
[MemoryDiagnoser]
public class LongMessageBenchmarks
{
    private KnowledgeEngine engine = null!;
    private string text = string.Empty;

    [Params(50, 250, 1000)]
    public int Repeats { get; set; }

    [Params("مرحبا أحتاج مساعدة", "I need help with my papers")]
    public string Phrase { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        engine = KnowledgeEngine.LoadDefault();
        text = string.Concat(Enumerable.Repeat(Phrase + "a ", Repeats));
    }

    [Benchmark]
    public KnowledgeResult Ask() => engine.Ask(text);
}
