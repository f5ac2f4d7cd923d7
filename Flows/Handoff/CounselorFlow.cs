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
                ["opening"] = FormatOpening(TimeZoneInfo.ConvertTime(opening, office.TimeZone), turn.Language),
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
                ["position"] = Math.Max(ticket.Position, 1).ToString(CultureInfo.InvariantCulture),
            }, null, cancellationToken);
            return;
        }

        var local = TimeZoneInfo.ConvertTime(ticket.NextOpening.Value, office.TimeZone);
        await turn.SayAsync("handoff.stillQueuedClosed", new Dictionary<string, string>
        {
            ["position"] = Math.Max(ticket.Position, 1).ToString(CultureInfo.InvariantCulture),
            ["opening"] = FormatOpening(local, turn.Language),
        }, null, cancellationToken);
    }

    private string QueuedText(FlowTurn turn, HandoffTicket ticket)
    {
        if (!ticket.OfficeOpen && ticket.NextOpening is null)
        {
            // No office hours configured: no minutes and no opening time can be promised.
            return turn.Say("handoff.queuedNoHours", new Dictionary<string, string> { ["position"] = Math.Max(ticket.Position, 1).ToString(CultureInfo.InvariantCulture) });
        }

        if (ticket.OfficeOpen)
        {
            return turn.Say("handoff.queuedOpen", new Dictionary<string, string>
            {
                ["position"] = Math.Max(ticket.Position, 1).ToString(CultureInfo.InvariantCulture),
                ["wait"] = Math.Max(1, (int)Math.Round(ticket.EstimatedWait.TotalMinutes)).ToString(CultureInfo.InvariantCulture),
            });
        }

        var local = TimeZoneInfo.ConvertTime(ticket.NextOpening!.Value, office.TimeZone);
        return turn.Say("handoff.queuedClosed", new Dictionary<string, string> { ["opening"] = FormatOpening(local, turn.Language) });
    }

    /// <summary>
    /// The opening time in the person's language; Arabic uses the Gregorian calendar and Western digits, as Slovenia does
    /// and as the rest of the Arabic text (the plan's "20.11.2026"), after the day's name, "يوم الاثنين" ("on Monday": the
    /// strings say "في {opening}"; a bare date left the reader to work out that it is Monday), then "الساعة" (at) and the
    /// time. The date in numbers, not by month name: Arabic readers name the months differently (ديسمبر, كانون الأول), and
    /// never "2026-12-07", which reads as a code.
    /// </summary>
    public static string FormatOpening(DateTimeOffset local, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language switch
        {
            Language.Slovenian => "sl-SI",
            Language.Albanian => "sq-AL",
            Language.Bcs => "hr-HR",
            _ => "en-GB",
        });
        return language switch
        {
            Language.Arabic => "يوم " + DayNames.Of(local.DayOfWeek, language) + " " + local.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
                + " الساعة " + local.ToString("HH:mm", CultureInfo.InvariantCulture),
            // "7. 12. 2026" is how Slovenia writes a date; an English reader from elsewhere may read 12 July: the month by name.
            Language.English => local.ToString("dddd d MMMM yyyy, HH:mm", culture),
            _ => local.ToString("dddd d. M. yyyy, HH:mm", culture),
        };
    }
}
