using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.Input;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.State;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Handoff.Transcripts;

namespace IntegrationBot.Flows.Privacy;

/// <summary>
/// Keeps the conversation's transcript (user and bot messages) for the counselors, but only once the person has
/// accepted the privacy notice, or from an emergency on (vital interests): read at the end of the turn, so the
/// accepting turn, and the message that signalled the danger, count.
/// </summary>
public sealed class TranscriptMiddleware(FlowState state, ITranscriptStore transcripts, Localizer localizer, TimeProvider time) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        // A counselor's message goes out in a proactive turn of the bot: kept as the counselor's, so a later request
        // shows who wrote it.
        var sent = turnContext.CollectSentMessages(m => (m.Text!, Author: CounselorMessageTag.Read(m) is null ? TranscriptAuthor.Bot : TranscriptAuthor.Counselor));

        // A message that starts a handoff must already be in the transcript the counselor receives. The user's line
        // counts from before the turn when privacy was accepted earlier, and from after it when this turn accepts it;
        // it is kept back with the bot's lines and all are written in one go at the end, unless a handoff or an
        // erasure in the turn flushes it first (TurnTranscript.FlushAsync) or the turn fails.
        var activity = turnContext.Activity;
        // The person's line is stamped when their message arrived, before anything the bot says to it: lines sort by
        // time, and a reading taken after the bot's (in a turn that accepts the notice) put "Accept" below its answer.
        var arrived = time.GetUtcNow();
        var userText = activity.Type == ActivityTypes.Message ? InputGuardMiddleware.CleanTextOf(turnContext) : null;
        var before = await state.Conversation.GetOrDefaultAsync(turnContext, cancellationToken);
        var acceptedBefore = before?.KeepsTranscript == true;
        // A press the channel marks is a button even when it is not under the last message (Telegram keeps every message's).
        var buttonPressed = userText is { Length: > 0 }
            && (ButtonPress.IsPress(activity) || (before is not null && ButtonMatcher.IsOfferedTitle(before, userText, localizer)));
        var transcript = TurnTranscript.Begin(turnContext, transcripts);
        if (acceptedBefore)
        {
            AddUserLine(transcript, activity, userText, buttonPressed, arrived);
        }

        try
        {
            await next(cancellationToken);
        }
        catch (Exception) when (acceptedBefore)
        {
            // As if written before the turn: the person's message stays in the transcript even when the turn fails.
            await transcript.WriteAsync(cancellationToken);
            throw;
        }

        var data = await state.Conversation.GetOrDefaultAsync(turnContext, cancellationToken);
        if (data?.KeepsTranscript != true || activity.ChannelId is null || activity.Conversation?.Id is null)
        {
            // Withdrawn or erased in this turn: only what was accepted before it is kept (an erasure flushed it first).
            await transcript.WriteBeforeCommitAsync(cancellationToken);
            return;
        }

        var userId = UserIdOf(activity);
        var now = time.GetUtcNow();
        if (!acceptedBefore)
        {
            AddUserLine(transcript, activity, userText, buttonPressed, arrived);
        }

        // Keyed by the activity and position, so a rerun of the turn after an eTag conflict adds no second copy.
        foreach (var ((text, author), index) in sent.Select((s, i) => (s, i)))
        {
            transcript.Add(new TranscriptMessage(activity.ChannelId, activity.Conversation.Id, userId ?? string.Empty, now, author, text)
            {
                LineId = LineIdOf(activity, $"bot|{index}"),
            });
        }

        // The adapter commits the turn right after this middleware returns and waits for the disk then.
        await transcript.WriteBeforeCommitAsync(cancellationToken);
    }

    private static void AddUserLine(TurnTranscript transcript, Activity activity, string? userText, bool buttonPressed, DateTimeOffset at)
    {
        if (userText is { Length: > 0 } && activity.ChannelId is not null && activity.Conversation?.Id is not null)
        {
            transcript.Add(new TranscriptMessage(activity.ChannelId, activity.Conversation.Id, UserIdOf(activity) ?? string.Empty, at, TranscriptAuthor.User, userText)
            {
                LineId = LineIdOf(activity, "user"),
                ButtonPressed = buttonPressed,
            });
        }
    }

    /// <summary>The line's id within the conversation; an activity without id (a proactive turn) is always appended.</summary>
    private static string? LineIdOf(Activity activity, string part) => activity.Id is { Length: > 0 } id ? $"{id}|{part}" : null;

    private static string? UserIdOf(Activity activity) =>
        activity.Type == ActivityTypes.Message ? activity.From?.Id : activity.From?.Id ?? activity.Recipient?.Id;
}
