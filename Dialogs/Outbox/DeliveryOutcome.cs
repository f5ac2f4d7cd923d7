namespace IntegrationBot.Dialogs.Outbox;

public enum DeliveryOutcome
{
    Delivered,
    RetryAfter,
    Failed,
}
