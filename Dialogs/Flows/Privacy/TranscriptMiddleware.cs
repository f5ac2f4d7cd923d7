using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Flows.Input;
using IntegrationBot.Dialogs.Flows.State;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;

namespace IntegrationBot.Dialogs.Flows.Privacy;

/// <summary>
/// Keeps the conversation's transcript (user and bot messages) for the counselors, but only once the person has
/// accepted the privacy notice: the privacy choice is read at the end of the turn, so the accepting turn counts.
/// </summary>
public sealed class TranscriptMiddleware(FlowState state, ITranscriptStore transcripts, TimeProvider time) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var botTexts = new List<string>();
        turnContext.OnSendActivities((_, activities, sendNext) =>
        {
            botTexts.AddRange(activities.Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text)).Select(a => a.Text!));
            return sendNext();
        });

        await next(cancellationToken);

        var activity = turnContext.Activity;
        var data = await state.Conversation.GetOrDefaultAsync(turnContext, cancellationToken);
        if (data?.Privacy != PrivacyChoice.Accepted || activity.ChannelId is null || activity.Conversation?.Id is null)
        {
            return;
        }

        var userId = activity.Type == ActivityTypes.Message ? activity.From?.Id : activity.From?.Id ?? activity.Recipient?.Id;
        var now = time.GetUtcNow();
        if (activity.Type == ActivityTypes.Message && turnContext.TurnState.Get<string>(InputGuardMiddleware.CleanTextKey) is { Length: > 0 } userText)
        {
            await transcripts.AppendAsync(new TranscriptMessage(activity.ChannelId, activity.Conversation.Id, userId ?? string.Empty, now, TranscriptAuthor.User, userText), cancellationToken);
        }

        foreach (var text in botTexts)
        {
            await transcripts.AppendAsync(new TranscriptMessage(activity.ChannelId, activity.Conversation.Id, userId ?? string.Empty, now, TranscriptAuthor.Bot, text), cancellationToken);
        }
    }
}
