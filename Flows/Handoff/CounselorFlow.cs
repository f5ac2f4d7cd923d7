using System.Globalization;
using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Privacy;
using IntegrationBot.Flows.State;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Handoff;

/// <summary>Asks for a counselor (after the privacy notice was accepted) and tells the person where they stand.</summary>
public sealed class CounselorFlow(HandoffQueue queue, OfficeHours office)
{
    public static bool IsOpen(ConversationData data) => data.Handoff is HandoffPhase.Waiting or HandoffPhase.WithCounselor && data.HandoffId is not null;

    public async Task RequestAsync(FlowTurn turn, HandoffReason reason, CancellationToken cancellationToken)
    {
        var data = turn.Data;
        if (IsOpen(data) && reason != HandoffReason.Emergency)
        {
            await turn.SayAsync("handoff.alreadyWaiting", cancellationToken: cancellationToken);
            return;
        }

        // Right after an emergency, a person asked for in words or with /counselor is asked for in that emergency, as
        // with the button offered under it: urgent, and (on vital interests) with no consent step in between.
        if (data.CounselorReason == nameof(HandoffReason.Emergency))
        {
            reason = HandoffReason.Emergency;
        }

        // In an emergency no consent step stands between the person and a counselor (vital interests).
        if (data.Privacy != PrivacyChoice.Accepted && !(reason == HandoffReason.Emergency && data.VitalInterests))
        {
            await HandoffConsentDialog.AskAsync(turn, reason, cancellationToken);
            return;
        }

        var activity = turn.Context.Activity;
        var reference = JsonSerializer.Serialize(activity.GetConversationReference(), ActivityJson.Options);
        var address = new ConversationAddress(activity.ChannelId!, activity.Conversation!.Id, activity.From?.Id ?? string.Empty, reference);
        // The request carries the recent transcript, which must include the message that asked for a person.
        await TurnTranscript.FlushAsync(turn.Context, cancellationToken);
        var ticket = await queue.EnqueueAsync(new HandoffDraft(address, turn.Language, data.LastTopic, reason), cancellationToken);
        var wasOpen = IsOpen(data);
        turn.Data = turn.Data with
        {
            Handoff = data.Handoff == HandoffPhase.WithCounselor ? HandoffPhase.WithCounselor : HandoffPhase.Waiting,
            HandoffId = ticket.RequestId,
            QueueReminded = false,
        };

        // Started another way (an emergency needs no consent): nothing waits for the privacy answer any more.
        await HandoffConsentDialog.EndAsync(turn.Dialogs, cancellationToken);

        if (!wasOpen && reason == HandoffReason.Emergency && !ticket.OfficeOpen && ticket.NextOpening is { } opening)
        {
            // One confirmation that carries when a person will read it: after the emergency answer's "the office is
            // closed, it opens on …" and its button, "closed" again and then "urgent" read as if nothing had been left
            // (found on Telegram); typed later ("I want a person", /counselor, Accept) it says all that is needed too.
            await turn.SayAsync("handoff.urgentQueuedClosed", new Dictionary<string, string>
            {
                ["opening"] = OpeningText.Format(opening, office, turn.Language),
            }, null, cancellationToken);
            return;
        }

        if (!wasOpen)
        {
            if (!ticket.OfficeOpen && reason != HandoffReason.Emergency)
            {
                // Nobody reads it before the office opens: the numbers for an emergency come first.
                await turn.SayAsync("handoff.closedEmergencyFirst", cancellationToken: cancellationToken);
            }

            await turn.SendAsync(QueuedText(turn, ticket), null, cancellationToken);
        }

        if (reason == HandoffReason.Emergency)
        {
            await turn.SayAsync("handoff.urgentQueued", cancellationToken: cancellationToken);
        }
    }

    /// <summary>The person withdrew the request (e.g. /menu while waiting); the counselors see it closed.</summary>
    public async Task WithdrawAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        if (!IsOpen(turn.Data))
        {
            return;
        }

        await queue.CancelAsync(turn.Data.HandoffId!.Value, "withdrawn by user", cancellationToken);
        turn.Data = turn.Data with { Handoff = HandoffPhase.Bot };
        await turn.SayAsync("handoff.cancelled", cancellationToken: cancellationToken);
    }

    /// <summary>Adds the person's message (or a pressed button's title) to the open request; false when the request is no longer open.</summary>
    public async Task<bool> RelayAsync(Guid requestId, string text, bool buttonPressed, CancellationToken cancellationToken)
    {
        var result = await queue.RelayUserMessageAsync(requestId, text, buttonPressed, cancellationToken);
        return result.Succeeded;
    }

    /// <summary>The person chose another language (any way: chooser, header, the switch offer): an open request follows
    /// it (routing, the console's language column).</summary>
    public async Task LanguageChangedAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        if (IsOpen(turn.Data) && turn.Data.Language is { } language)
        {
            await queue.ChangeLanguageAsync(turn.Data.HandoffId!.Value, language, cancellationToken);
        }
    }

    /// <summary>After a language change: a person still waiting is told again, now in the new language, that the request waits.</summary>
    public Task SayStillQueuedIfWaitingAsync(FlowTurn turn, CancellationToken cancellationToken) =>
        IsOpen(turn.Data) && turn.Data.Handoff == HandoffPhase.Waiting ? SayStillQueuedAsync(turn, cancellationToken) : Task.CompletedTask;

    /// <summary>What the bot said in this turn goes to the open request's transcript too (a closed one refuses it).</summary>
    public async Task RecordBotMessagesAsync(Guid requestId, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count > 0)
        {
            await queue.RecordBotMessagesAsync(requestId, texts, cancellationToken);
        }
    }

    /// <summary>The open request was marked urgent (an emergency).</summary>
    public async Task<bool> IsUrgentAsync(FlowTurn turn, CancellationToken cancellationToken) =>
        IsOpen(turn.Data) && await queue.GetAsync(turn.Data.HandoffId!.Value, cancellationToken) is { Priority: HandoffPriority.Emergency };

    /// <summary>While waiting: the request is still in the queue, at this position (or until the office opens).</summary>
    public async Task SayStillQueuedAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var ticket = await queue.TicketAsync(turn.Data.HandoffId!.Value, reused: true, cancellationToken);
        turn.Data = turn.Data with { QueueReminded = true };
        if (ticket.OfficeOpen || ticket.NextOpening is null)
        {
            await turn.SayAsync("handoff.stillQueued", new Dictionary<string, string>
            {
                ["position"] = Position(ticket),
            }, null, cancellationToken);
            return;
        }

        await turn.SayAsync("handoff.stillQueuedClosed", new Dictionary<string, string>
        {
            ["position"] = Position(ticket),
            ["opening"] = OpeningText.Format(ticket.NextOpening.Value, office, turn.Language),
        }, null, cancellationToken);
    }

    private string QueuedText(FlowTurn turn, HandoffTicket ticket)
    {
        if (!ticket.OfficeOpen && ticket.NextOpening is null)
        {
            // No office hours configured: no minutes and no opening time can be promised.
            return turn.Say("handoff.queuedNoHours", new Dictionary<string, string> { ["position"] = Position(ticket) });
        }

        if (ticket.OfficeOpen)
        {
            return turn.Say("handoff.queuedOpen", new Dictionary<string, string>
            {
                ["position"] = Position(ticket),
                ["wait"] = Math.Max(1, (int)Math.Round(ticket.EstimatedWait.TotalMinutes)).ToString(CultureInfo.InvariantCulture),
            });
        }

        return turn.Say("handoff.queuedClosed", new Dictionary<string, string> { ["opening"] = OpeningText.Format(ticket.NextOpening!.Value, office, turn.Language) });
    }

    // Position 0 means the request left the queue between the turn's read and this text (taken, closed): "first" then,
    // never "you are number 0".
    private static string Position(HandoffTicket ticket) => Math.Max(ticket.Position, 1).ToString(CultureInfo.InvariantCulture);
}
