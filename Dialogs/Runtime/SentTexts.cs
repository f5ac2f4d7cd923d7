using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>The texts of the messages a turn sends, collected as they go out (for transcripts and handoff records).</summary>
public static class SentTexts
{
    /// <summary>Returns a list that fills with the text of every non-empty message the rest of the turn sends.</summary>
    public static List<string> CollectSentTexts(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var texts = new List<string>();
        turnContext.OnSendActivities((_, activities, sendNext) =>
        {
            foreach (var sent in activities)
            {
                if (sent.Type == ActivityTypes.Message && !string.IsNullOrEmpty(sent.Text))
                {
                    texts.Add(sent.Text);
                }
            }

            return sendNext();
        });
        return texts;
    }
}
