using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>A tiny bot for end-to-end tests: greets a new conversation with two buttons, answers text with
/// "you said" and the buttons again, and reports non-text input by its kind.</summary>
public sealed class MenuBot : IBot
{
    public static readonly SuggestedActions Buttons =
        new([CardAction.Im("Slovenščina", "sl"), CardAction.Im("العربية", "ar")]);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            await turnContext.SendActivityAsync(new Activity { Text = "Welcome <1/5>", SuggestedActions = Buttons }, cancellationToken);
            return;
        }
        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }
        var text = activity.Text ?? "non-text: " + activity.ChannelData?.GetProperty("nonText").GetString();
        await turnContext.SendActivityAsync(new Activity { Text = $"you said: {text}", SuggestedActions = Buttons }, cancellationToken);
    }
}
