using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Dialogs.Privacy;

namespace IntegrationBot.Flows.Plan;

/// <summary>
/// The conversations to look at for plan reminders. <see cref="ClaimDueAsync"/> is atomic across instances: a claimed
/// subscription is leased to one instance until it is rescheduled or the lease runs out. It holds a conversation
/// reference (personal data), so every store also erases, exports and expires it.
/// </summary>
public interface IPlanReminderStore : IUserDataEraser, IRetentionPurgeable
{
    /// <summary>Adds or replaces the conversation's subscription (and drops any lease).</summary>
    Task SaveAsync(ReminderSubscription subscription, CancellationToken cancellationToken);

    Task RemoveAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> subscriptions due at <paramref name="now"/> and not leased by another instance.</summary>
    Task<IReadOnlyList<ReminderSubscription>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Sets the next time to look and releases the lease.</summary>
    Task RescheduleAsync(string conversationKey, DateTimeOffset due, CancellationToken cancellationToken);
}
