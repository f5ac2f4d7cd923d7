using BenchmarkDotNet.Running;
using IntegrationBot.Turn.Benchmarks;

// "timed ..." is the plain timed run used by bench/peer/run.sh; anything else goes to BenchmarkDotNet
// (e.g. --filter '*TurnBenchmarks*').
if (args.Length > 0 && args[0] == "timed")
{
    return await TimedRun.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(TurnBenchmarks).Assembly).Run(args);
return 0;
