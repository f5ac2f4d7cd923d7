using BenchmarkDotNet.Running;
using IntegrationBot.Knowledge.Benchmarks;
using IntegrationBot.Knowledge.Cli;
using IntegrationBot.Knowledge.Retrieval;

// "eval PATH [-v]" runs the evaluation set without the bot host (handy while tuning);
// anything else goes to BenchmarkDotNet (e.g. --filter '*' --job short).
if (args.Length >= 2 && args[0] == "eval")
{
    var engine = KnowledgeEngine.LoadDefault();
    return await KbEvalCommand.RunAsync(args[1], Console.Out, engine, verbose: args.Contains("-v"));
}

if (args.Length >= 2 && args[0] == "tune")
{
    Tuning.Run(args[1], Console.Out);
    return 0;
}

if (args.Length >= 2 && args[0] == "thresholds")
{
    Tuning.Thresholds(args[1], Console.Out);
    return 0;
}

if (args.Length >= 1 && args[0] == "speed")
{
    Speed.Run(Console.Out);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(AskBenchmarks).Assembly).Run(args);
return 0;
