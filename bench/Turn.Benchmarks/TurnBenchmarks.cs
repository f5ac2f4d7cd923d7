using BenchmarkDotNet.Attributes;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>
/// One Q&amp;A turn in-process: adapter, middleware, dialog stack, knowledge engine, state commit and outbox delivery,
/// round-robin over <see cref="Conversations"/> conversations so state is read and written for many keys.
/// <see cref="KnowledgeOnly"/> is the retrieval alone, to split the turn's cost.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TurnBenchmarks
{
    private TurnRig _rig = null!;
    private IReadOnlyList<string> _questions = [];
    private KnowledgeEngine _engine = null!;
    private int _next;

    [Params("memory", "litedb")]
    public string Storage { get; set; } = "litedb";

    [Params(1000)]
    public int Conversations { get; set; } = 1000;

    [GlobalSetup]
    public void Setup()
    {
        _questions = Questions.Load();
        _rig = TurnRig.Start(Storage, "qna");
        _engine = KnowledgeEngine.LoadDefault();
        // Every conversation has state before measuring, as in a running service.
        for (var i = 0; i < Conversations; i++)
        {
            QnaTurn().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _rig.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task QnaTurn()
    {
        var n = _next++;
        return _rig.RunTurnAsync(_rig.Message(n % Conversations, _questions[n % _questions.Count]));
    }

    [Benchmark]
    public KnowledgeResult KnowledgeOnly()
    {
        var n = _next++;
        return _engine.Ask(_questions[n % _questions.Count]);
    }
}
