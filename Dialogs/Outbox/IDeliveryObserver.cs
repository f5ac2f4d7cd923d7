namespace IntegrationBot.Dialogs.Outbox;

/// <summary>Told of each delivery result of an outbox entry (delivered, waiting to be sent again, dead-lettered), e.g. to
/// show a counselor how far their message got. <paramref name="state"/> is a <c>MessageDelivery</c> state.</summary>
/// <remarks>Called after the outbox store recorded the result; a failure here never changes the delivery.</remarks>
public interface IDeliveryObserver
{
    Task ObserveAsync(OutboxEntry entry, string state, string? reason, CancellationToken cancellationToken);
}
