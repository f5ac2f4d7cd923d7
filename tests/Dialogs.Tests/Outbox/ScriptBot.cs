using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Dialogs.Tests.Outbox;

/// <summary>Replies with a numbered series so order and duplicates are visible, and remembers how many turns it had.</summary>
internal sealed class ScriptBot(IntegrationBot.Dialogs.State.ConversationState conversationState) : IBot
{
    private readonly IntegrationBot.Dialogs.State.IStatePropertyAccessor<int> _turns = conversationState.CreateProperty<int>("turns");

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var turn = await _turns.GetAsync(turnContext, () => 0, cancellationToken) + 1;
        await _turns.SetAsync(turnContext, turn, cancellationToken);
        await turnContext.SendActivitiesAsync(
            [.. Enumerable.Range(1, 3).Select(i => new Activities.Activity { Text = $"{turnContext.Activity.Text} {turn}.{i}" })],
            cancellationToken);
    }
}
