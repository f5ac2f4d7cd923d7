using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>One turn: the incoming activity, a way to reply, and state that lives only for this turn.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    TurnStateCollection TurnState { get; }

    /// <summary>True once anything was sent during this turn.</summary>
    bool Responded { get; }

    /// <summary>Sends a message with this text; returns the new activity's id.</summary>
    Task<string> SendActivityAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Sends one activity; missing addressing fields are filled from the incoming activity.</summary>
    Task<string> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    /// <summary>Adds a handler that sees every outgoing batch of this turn, in registration order.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}
