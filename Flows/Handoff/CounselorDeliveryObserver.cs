using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Flows.Handoff;

/// <summary>Records each delivery result of a counselor message's outbox entries on the handoff, so the console shows
/// delivered / pending (why) / failed (why) per message and follows it live.</summary>
/// <remarks>The queue is resolved late: it depends (through the messenger) on the runtime that owns the dispatcher.</remarks>
public sealed class CounselorDeliveryObserver(Func<HandoffQueue> queue) : IDeliveryObserver
{
    public async Task ObserveAsync(OutboxEntry entry, string state, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (CounselorMessageTag.Read(entry.Activity) is { } tag)
        {
            await queue().RecordDeliveryAsync(tag.HandoffId, tag.MessageId, new MessageDelivery(state, reason), cancellationToken);
        }
    }
}
