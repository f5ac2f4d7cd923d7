using System.Diagnostics;
using System.Globalization;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>
/// A plain timed run for comparisons with other runtimes (the JavaScript peer cannot run under BenchmarkDotNet):
/// warm-up conversations first, then <c>conversations × turns</c> sequential turns; prints one JSON line.
/// </summary>
public static class TimedRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var bot = Option(args, "--bot", "peer");
        var storage = Option(args, "--storage", "memory");
        var conversations = int.Parse(Option(args, "--conversations", "1000"), CultureInfo.InvariantCulture);
        var turns = int.Parse(Option(args, "--turns", "6"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(Option(args, "--warmup", "200"), CultureInfo.InvariantCulture);

        var dataRoot = Option(args, "--data-root", Path.GetTempPath());
        if (bot == "ask")
        {
            return MeasureRetrieval(conversations * turns);
        }

        // "--transcripts none" leaves the transcript writes out, to see their share of the turn.
        var keepTranscripts = Option(args, "--transcripts", "keep") != "none";
        // "--keep-data DIR" leaves the file in DIR, e.g. to start a host on 100,000 stored conversations.
        var keepData = Option(args, "--keep-data", string.Empty) is { Length: > 0 } kept ? kept : null;
        // "--channel webchat": the user's message is stored in the Direct Line log first and replies go into it through
        // the real Direct Line sender, as over HTTP (without the HTTP); "bench" (default) discards replies.
        var channel = Option(args, "--channel", DiscardingSender.Channel);
        await using var rig = TurnRig.Start(storage, bot, dataRoot, keepTranscripts, keepData, channel);
        var script = PeerFlowTexts.Load().Script;
        var questions = Questions.Load();
        // Warm-up conversations use their own ids so the measured ones start fresh, like the peer's.
        for (var c = conversations; c < conversations + warmup; c++)
        {
            await rig.OnboardAsync(c, questions.LanguageOf(c));
        }

        await DriveAsync(rig, conversations, warmup, turns, bot == "peer" ? (c, t) => script[t % script.Count] : questions.Ask);
        // Onboarding (greeting, language, privacy) is not a question: it happens before the clock starts.
        for (var c = 0; c < conversations; c++)
        {
            await rig.OnboardAsync(c, questions.LanguageOf(c));
        }

        var (turnBefore, deliveryBefore, transactionsBefore) = (rig.TurnTime, rig.DeliveryTime, rig.Transactions);
        var commitsBefore = rig.LiteDbCommits;
        var delivered = rig.Delivered;
        // CPU time and allocations as well as wall time: on a machine shared with other work they are the steadier figures.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (pauseBefore, gen0Before, gen2Before) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2));
        var threadBefore = Environment.CurrentManagedThreadId;
        var threadCpuBefore = ThreadCpu.Now();
        // Work items the thread pool ran: each is a continuation that left its thread (a hand-off, often a context switch).
        var workItemsBefore = ThreadPool.CompletedWorkItemCount;
        // Each turn's own time too: the target is a median, and a mean hides whether a few slow turns
        // (a checkpoint, a GC) or all of them are the cost.
        var perTurn = new List<double>(conversations * turns);
        var clock = Stopwatch.StartNew();
        await DriveAsync(rig, 0, conversations, turns, bot == "peer" ? (c, t) => script[t % script.Count] : questions.Ask, perTurn);
        clock.Stop();
        perTurn.Sort();
        // A continuation that resumed on another thread makes the calling thread's CPU time meaningless: it is null then.
        double? threadCpu = Environment.CurrentManagedThreadId == threadBefore ? (ThreadCpu.Now() - threadCpuBefore).TotalMicroseconds : null;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var workItems = ThreadPool.CompletedWorkItemCount - workItemsBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var (pause, gen0, gen2) = (GC.GetTotalPauseDuration() - pauseBefore, GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before);

        var total = conversations * turns;
        Console.WriteLine(new JsonLine()
            .Text("runtime", $"integrationbot-{storage}")
            .Text("bot", bot)
            .Text("channel", channel)
            .Flag("transcripts", keepTranscripts)
            .Count("conversations", conversations)
            .Count("turns", total)
            .Count("replies", rig.Delivered - delivered)
            .Measure("seconds", clock.Elapsed.TotalSeconds, 3)
            .Measure("turnsPerSecond", total / clock.Elapsed.TotalSeconds, 0)
            .Measure("meanMicroseconds", clock.Elapsed.TotalMicroseconds / total)
            .Measure("medianMicroseconds", Percentile(perTurn, 0.50))
            .Measure("p99Microseconds", Percentile(perTurn, 0.99))
            .Measure("adapterMicroseconds", (rig.TurnTime - turnBefore).TotalMicroseconds / total)
            .Measure("deliveryMicroseconds", (rig.DeliveryTime - deliveryBefore).TotalMicroseconds / total)
            .Measure("cpuMicroseconds", cpu.TotalMicroseconds / total)
            .Measure("allocatedBytes", (double)allocated / total, 0)
            // The GC's share: the time it held every thread still, and how often it ran.
            .Measure("gcPauseMicroseconds", pause.TotalMicroseconds / total)
            .Count("gen0Collections", gen0)
            .Count("gen2Collections", gen2)
            .Measure("threadCpuMicroseconds", threadCpu / total)
            .Measure("threadPoolWorkItemsPerTurn", (double)workItems / total, 2)
            .Measure("transactionsPerTurn", (double)(rig.Transactions - transactionsBefore) / total, 2)
            .Measure("liteDbCommitsPerTurn", (double)(rig.LiteDbCommits - commitsBefore) / total, 3)
            .Build());
        return 0;
    }

    /// <summary>The knowledge engine alone over the same questions: the retrieval share of a Q&amp;A turn.</summary>
    private static int MeasureRetrieval(int count)
    {
        var engine = Knowledge.Retrieval.KnowledgeEngine.LoadDefault();
        var questions = Questions.Load();
        for (var i = 0; i < 200; i++)
        {
            engine.Ask(questions.Ask(i, i));
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var threadCpuBefore = ThreadCpu.Now();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            engine.Ask(questions.Ask(i, i / 5));
        }

        clock.Stop();
        var threadCpu = ThreadCpu.Now() - threadCpuBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Console.WriteLine(new JsonLine()
            .Text("runtime", "knowledge-engine")
            .Text("bot", "ask")
            .Count("questions", count)
            .Count("topics", engine.Catalog.Topics.Count)
            .Measure("meanMicroseconds", clock.Elapsed.TotalMicroseconds / count)
            .Measure("cpuMicroseconds", cpu.TotalMicroseconds / count)
            .Measure("allocatedBytes", (double)allocated / count, 0)
            .Measure("threadCpuMicroseconds", threadCpu.TotalMicroseconds / count)
            .Build());
        return 0;
    }

    private static async Task DriveAsync(TurnRig rig, int first, int count, int turns, Func<int, int, string> say, List<double>? perTurn = null)
    {
        for (var c = first; c < first + count; c++)
        {
            for (var t = 0; t < turns; t++)
            {
                var started = Stopwatch.GetTimestamp();
                await rig.RunTurnAsync(rig.Message(c, say(c, t)));
                perTurn?.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    internal static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
