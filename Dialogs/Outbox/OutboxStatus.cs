namespace IntegrationBot.Dialogs.Outbox;

public enum OutboxStatus
{
    Pending,
    DeadLettered,
}
