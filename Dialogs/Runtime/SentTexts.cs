using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>The texts of the messages a turn sends, collected as they go out (for transcripts and handoff records).</summary>
public static class SentTexts
{
    /// <summary>Returns a list that fills with the text of every non-empty message the rest of the turn sends.</summary>
    public static List<string> CollectSentTexts(this ITurnContext turnContext) => turnContext.CollectSentMessages(sent => sent.Text!);

    /// <summary>Like <see cref="CollectSentTexts"/>, with what <paramref name="select"/> reads of each such message
    /// (whose text is never empty), such as who wrote it.</summary>
    public static List<T> CollectSentMessages<T>(this ITurnContext turnContext, Func<Activity, T> select)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(select);
        var collected = new List<T>();
        turnContext.OnSendActivities((_, activities, sendNext) =>
        {
            foreach (var sent in activities)
            {
                if (sent.Type == ActivityTypes.Message && !string.IsNullOrEmpty(sent.Text))
                {
                    collected.Add(select(sent));
                }
            }

            return sendNext();
        });
        return collected;
    }
}
