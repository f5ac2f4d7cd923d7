namespace IntegrationBot.Storage.Postgres.Notifications;

/// <summary>Turns NOTIFY payloads of one channel into local events; called on the listener's connection thread, so keep it quick.</summary>
public interface IPostgresNotificationHandler
{
    string Channel { get; }

    void Handle(string payload);
}
