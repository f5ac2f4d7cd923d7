using System.Text.Json;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>The peer flow's texts and user script, read from <c>peer-flow.json</c> that the JavaScript peer reads too.</summary>
public sealed record PeerFlowTexts(string Greeting, string Prompt, string Retry, IReadOnlyList<PeerFlowChoice> Choices, IReadOnlyList<string> Script)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PeerFlowTexts Load() =>
        JsonSerializer.Deserialize<PeerFlowTexts>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "peer-flow.json")), Json)
        ?? throw new InvalidDataException("peer-flow.json is empty.");
}
