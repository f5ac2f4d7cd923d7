using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>
/// Observes or transforms outgoing activities: replace items in <paramref name="activities"/> and call <paramref name="next"/>,
/// or return without calling it to drop them.
/// </summary>
public delegate Task<IReadOnlyList<string>> SendActivitiesHandler(
    ITurnContext turnContext,
    List<Activity> activities,
    Func<Task<IReadOnlyList<string>>> next);
