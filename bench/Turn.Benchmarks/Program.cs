using BenchmarkDotNet.Running;
using IntegrationBot.Turn.Benchmarks;

// "timed ..." is the plain timed run used by bench/peer/run.sh; "stores ..." times single store writes; anything else goes to BenchmarkDotNet
// (e.g. --filter '*TurnBenchmarks*').
if (args.Length > 0 && args[0] == "timed")
{
    return await TimedRun.RunAsync(args);
}

if (args.Length > 0 && args[0] == "stores")
{
    return await StoreWrites.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(TurnBenchmarks).Assembly).Run(args);
return 0;
