using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Flows;

/// <summary>Changes every message a turn sends, at send time, so what the turn decided late (a language chosen, an
/// emergency met) applies to all of its replies; other activities (typing, events) pass as they are.</summary>
public static class OutgoingMessages
{
    public static void Stamp(ITurnContext context, Func<Activity, Activity> stamp) =>
        context.OnSendActivities((_, batch, next) =>
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Type == ActivityTypes.Message)
                {
                    batch[i] = stamp(batch[i]);
                }
            }

            return next();
        });
}
