using System.Globalization;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.State;

namespace IntegrationBot.Dialogs.Flows.Echo;

/// <summary>
/// Placeholder bot until the flows exist: greets a new conversation, welcomes back a known one when a session starts
/// (a <c>conversationUpdate</c>), and echoes messages. It proves that state survives restarts.
/// </summary>
public sealed class EchoBot(ConversationState conversationState) : IBot
{
    private static readonly EchoTexts Texts = EchoTexts.Load();
    private readonly IStatePropertyAccessor<EchoMemory> _memory = conversationState.CreateProperty<EchoMemory>("echo");

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var memory = await _memory.GetAsync(turnContext, () => new EchoMemory(false, 0), cancellationToken);
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Role != RoleTypes.Bot) == true)
        {
            var text = memory.Greeted
                ? string.Format(CultureInfo.InvariantCulture, Texts.WelcomeBack, memory.Messages)
                : Texts.Greeting;
            await turnContext.SendActivityAsync(text, cancellationToken);
            await _memory.SetAsync(turnContext, memory with { Greeted = true }, cancellationToken);
            return;
        }

        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        if (!memory.Greeted)
        {
            await turnContext.SendActivityAsync(Texts.Greeting, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            await turnContext.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, Texts.Echo, activity.Text), cancellationToken);
        }

        await _memory.SetAsync(turnContext, new EchoMemory(true, memory.Messages + 1), cancellationToken);
    }
}
