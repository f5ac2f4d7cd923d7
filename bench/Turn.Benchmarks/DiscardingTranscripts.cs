using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Transcripts;

namespace IntegrationBot.Turn.Benchmarks;

/// <summary>
/// A transcript store that keeps nothing, for <c>timed --transcripts none</c>: the difference to a normal run is what
/// writing the transcript costs per turn. Never what the host registers.
/// </summary>
public sealed class DiscardingTranscripts : ITranscriptStore
{
    public string Name => "transcripts";

    public Task AppendAsync(TranscriptMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AppendManyAsync(IReadOnlyList<TranscriptMessage> messages, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<TranscriptMessage>> RecentAsync(string channelId, string conversationId, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TranscriptMessage>>([]);

    public Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult<JsonNode>(new JsonArray());

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Task.FromResult(0);
}
