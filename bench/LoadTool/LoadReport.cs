using System.Globalization;
using System.Text.Json;

namespace IntegrationBot.LoadTool;

/// <summary>The numbers of one load run; printed as a Markdown table row and as JSON.</summary>
public sealed record LoadReport(
    string Label,
    int Instances,
    int Conversations,
    int Concurrency,
    int Turns,
    int FailedConversations,
    string Failures,
    TimeSpan OpenTime,
    TimeSpan TalkTime,
    double TurnsPerSecond,
    double P50Milliseconds,
    double P95Milliseconds,
    double P99Milliseconds,
    TimeSpan HostCpu,
    double HostCpuCores,
    TimeSpan ToolCpu,
    double ToolCpuCores,
    double MachineBusyCores,
    long HostPeakBytes,
    long HostResidentBytes)
{
    public const string TableHeader =
        "| run | instances | conversations | concurrent | turns | failed | turns/s | p50 ms | p95 ms | p99 ms | host CPU s | host cores | tool CPU s | tool cores | machine busy cores | peak RSS MB | open s |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public string TableRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Label} | {Instances} | {Conversations} | {Concurrency} | {Turns} | {FailedConversations} | {TurnsPerSecond:F0} | {P50Milliseconds:F1} | {P95Milliseconds:F1} | {P99Milliseconds:F1} | {HostCpu.TotalSeconds:F1} | {HostCpuCores:F2} | {ToolCpu.TotalSeconds:F1} | {ToolCpuCores:F2} | {MachineBusyCores:F2} | {HostPeakBytes / 1048576.0:F0} | {OpenTime.TotalSeconds:F1} |");

    public string Json() => JsonSerializer.Serialize(this, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
}
