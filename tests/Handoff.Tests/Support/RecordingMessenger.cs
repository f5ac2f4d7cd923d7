using System.Collections.Concurrent;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Handoff.Tests.Support;

/// <summary>Records what Handoff asked the host to tell users.</summary>
public sealed class RecordingMessenger : IUserMessenger
{
    public ConcurrentQueue<string> Sent { get; } = new();

    public Task CounselorMessageAsync(HandoffRequest request, string counselorName, string text, CancellationToken cancellationToken) =>
        Record($"{request.Address.ConversationId} message from {counselorName}: {text}");

    public Task ClaimedAsync(HandoffRequest request, string counselorName, CancellationToken cancellationToken) =>
        Record($"{request.Address.ConversationId} claimed by {counselorName}");

    public Task ReleasedAsync(HandoffRequest request, int position, bool transferred, CancellationToken cancellationToken) =>
        Record($"{request.Address.ConversationId} {(transferred ? "transferred to the queue" : "released")} at {position}");

    public Task TransferredAsync(HandoffRequest request, string counselorName, CancellationToken cancellationToken) =>
        Record($"{request.Address.ConversationId} transferred to {counselorName}");

    public Task ClosedAsync(HandoffRequest request, CancellationToken cancellationToken) =>
        Record($"{request.Address.ConversationId} closed: {request.Outcome}");

    public Task TimedOutAsync(HandoffRequest request, HandoffTimeoutReason reason, CancellationToken cancellationToken) =>
        Record($"{request.Address.ConversationId} timed out: {reason}");

    private Task Record(string line)
    {
        Sent.Enqueue(line);
        return Task.CompletedTask;
    }
}
