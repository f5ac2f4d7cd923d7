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
    private Questions _questions = null!;
    private KnowledgeEngine _engine = null!;
    private int _next;

    /// <summary>"flows" is the real bot as the host registers it; "qna" the stand-in written before it existed.</summary>
    [Params("flows")]
    public string Bot { get; set; } = "flows";

    [Params("memory", "litedb")]
    public string Storage { get; set; } = "litedb";

    [Params(1000)]
    public int Conversations { get; set; } = 1000;

    [GlobalSetup]
    public void Setup()
    {
        _questions = Questions.Load();
        _rig = TurnRig.Start(Storage, Bot);
        _engine = KnowledgeEngine.LoadDefault();
        // Every conversation has state before measuring, as in a running service.
        for (var i = 0; i < Conversations; i++)
        {
            _rig.OnboardAsync(i, _questions.LanguageOf(i)).GetAwaiter().GetResult();
            QnaTurn().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _rig.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task QnaTurn()
    {
        var n = _next++;
        var conversation = n % Conversations;
        return _rig.RunTurnAsync(_rig.Message(conversation, _questions.Ask(conversation, n / Conversations)));
    }

    [Benchmark]
    public KnowledgeResult KnowledgeOnly()
    {
        var n = _next++;
        return _engine.Ask(_questions.Ask(n % Conversations, n / Conversations));
    }
}
