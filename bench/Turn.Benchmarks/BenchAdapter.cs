using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>The smallest channel adapter: the durable turn path of <see cref="BotAdapter"/> with nothing added.</summary>
public sealed class BenchAdapter(BotRuntime runtime) : BotAdapter(runtime);
