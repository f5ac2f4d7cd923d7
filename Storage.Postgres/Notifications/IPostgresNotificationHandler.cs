namespace IntegrationBot.Storage.Postgres.Notifications;

/// <summary>Turns NOTIFY payloads of one channel into local events; called on the listener's connection thread, so keep it quick.</summary>
public interface IPostgresNotificationHandler
{
    string Channel { get; }

    void Handle(string payload);

    /// <summary>
    /// The listener (re)connected and LISTENs again: notifications sent while it was away are lost, so a handler that
    /// keeps state fed by them drops it here.
    /// </summary>
    void Reconnected()
    {
    }
}
