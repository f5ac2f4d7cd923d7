using IntegrationBot.Handoff.Counselors;
using IntegrationBot.Handoff.Office;
using IntegrationBot.Handoff.Routing;
using IntegrationBot.Handoff.Transcripts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Handoff.Queue;

/// <summary>The counselor queue: enqueue, relay both ways, atomic claim, release, transfer, notes, close, satisfaction.
/// Every change is a compare-and-swap on the stored version, so concurrent counselors never overwrite each other.</summary>
public sealed partial class HandoffQueue(
    IHandoffStore store,
    ITranscriptStore transcripts,
    ICounselorStore counselors,
    IUserMessenger messenger,
    OfficeHours office,
    HandoffEvents events,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILogger<HandoffQueue> logger,
    IUnreachableRecipients? unreachable = null)
{
    private readonly SemaphoreSlim _enqueueGate = new(1, 1);

    /// <summary>Queues a request, or returns the ticket of the conversation's open request (raising its priority if needed).</summary>
    public async Task<HandoffTicket> EnqueueAsync(HandoffDraft draft, CancellationToken cancellationToken)
    {
        if (!CounselorDirectory.KnownLanguages.Contains(draft.Language))
        {
            throw new ArgumentException($"Unknown language '{draft.Language}'.", nameof(draft));
        }

        var priority = draft.Priority ?? PriorityFor(draft.Reason);
        await _enqueueGate.WaitAsync(cancellationToken);
        try
        {
            var open = await store.FindOpenAsync(draft.Address.ChannelId, draft.Address.ConversationId, cancellationToken);
            if (open is not null)
            {
                if (priority > open.Priority)
                {
                    await MutateAsync(open.Id, "priority", (r, _) => HandoffResult.Ok(r with { Priority = priority, Reason = draft.Reason }), cancellationToken);
                }

                return await TicketAsync(open.Id, reused: true, cancellationToken);
            }

            var now = time.GetUtcNow();
            var request = new HandoffRequest
            {
                Id = Guid.NewGuid(),
                Address = draft.Address,
                Language = draft.Language,
                Topic = draft.Topic,
                Reason = draft.Reason,
                Priority = priority,
                CreatedAt = now,
                LastUserActivityAt = now,
                Transcript = draft.Transcript ?? await RecentTranscriptAsync(draft.Address, cancellationToken),
            };
            await store.InsertAsync(request, cancellationToken);
            LogQueued(logger, request.Id, request.Language, request.Reason, request.Priority);
            events.Publish(new HandoffChange(request.Id, request.Status, "queued", null));
            return await TicketAsync(request.Id, reused: false, cancellationToken);
        }
        finally
        {
            _enqueueGate.Release();
        }
    }

    public Task<HandoffRequest?> GetAsync(Guid id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    /// <summary>The waiting or active request of a conversation; the flows use it to route the user's messages.</summary>
    public Task<HandoffRequest?> FindOpenAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        store.FindOpenAsync(channelId, conversationId, cancellationToken);

    public Task<IReadOnlyList<HandoffRequest>> ListAsync(HandoffStatus? status, CancellationToken cancellationToken) => store.ListAsync(status, cancellationToken);

    /// <summary>The user's current place in the queue and wait estimate.</summary>
    public async Task<HandoffTicket> TicketAsync(Guid id, bool reused, CancellationToken cancellationToken)
    {
        var waiting = QueueRouter.ByPriorityThenAge(await store.ListAsync(HandoffStatus.Waiting, cancellationToken));
        var position = waiting.Select(r => r.Id).ToList().IndexOf(id) + 1;
        var now = time.GetUtcNow();
        var open = office.IsOpen(now);
        // Position 0 means the request is no longer waiting (already with a counselor, or closed).
        var wait = options.Value.EstimatedTimePerRequest * position;
        return new HandoffTicket(id, position, wait, open, open ? null : office.NextOpening(now), reused);
    }

    /// <summary>Adds the user's message to the conversation the counselor sees (also while still waiting: "leave a message").</summary>
    public Task<HandoffResult> RelayUserMessageAsync(Guid id, string text, CancellationToken cancellationToken) =>
        RelayUserMessageAsync(id, text, buttonPressed: false, cancellationToken);

    /// <summary>Adds the user's message, or the title of the button they pressed, to the conversation the counselor sees.</summary>
    public Task<HandoffResult> RelayUserMessageAsync(Guid id, string text, bool buttonPressed, CancellationToken cancellationToken) =>
        MutateAsync(id, "userMessage", (r, now) => HandoffStateMachine.AddUserMessage(r, text, now, buttonPressed), cancellationToken);

    /// <summary>Adds what the bot told the person while the request is open to the conversation the counselor sees.</summary>
    public Task<HandoffResult> RecordBotMessagesAsync(Guid id, IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        MutateAsync(id, "botMessage", (r, now) => HandoffStateMachine.AddBotMessages(r, texts, now), cancellationToken);

    /// <summary>Takes a waiting request; exactly one of several concurrent claimers succeeds, the others get AlreadyTaken.</summary>
    public async Task<HandoffResult> ClaimAsync(Guid id, string counselor, CancellationToken cancellationToken)
    {
        // The guard runs again on every retry; only the last run decides whether this call took the request.
        var tookIt = false;
        var result = await MutateAsync(id, "claimed", (r, now) =>
        {
            tookIt = r.Status == HandoffStatus.Waiting;
            return HandoffStateMachine.Claim(r, counselor, now);
        }, cancellationToken);
        if (result.Succeeded && tookIt)
        {
            LogClaimed(logger, id);
            await messenger.ClaimedAsync(result.Request!, counselor, cancellationToken);
        }

        return result;
    }

    /// <summary>The holder puts the conversation back in the queue; the person is told it waits again.</summary>
    public async Task<HandoffResult> ReleaseAsync(Guid id, string counselor, CancellationToken cancellationToken)
    {
        var result = await MutateAsync(id, "released", (r, now) => HandoffStateMachine.Release(r, counselor, now), cancellationToken);
        await TellBackInQueueAsync(result, transferred: false, cancellationToken);
        return result;
    }

    /// <summary>Hands an active conversation directly to a colleague, who becomes the holder.</summary>
    public async Task<HandoffResult> TransferToCounselorAsync(Guid id, string counselor, string target, CancellationToken cancellationToken)
    {
        var colleague = await counselors.FindAsync(target, cancellationToken);
        if (colleague is null)
        {
            return HandoffResult.Fail(HandoffResultKind.InvalidInput, await store.GetAsync(id, cancellationToken));
        }

        var result = await MutateAsync(id, "transferred", (r, now) => HandoffStateMachine.TransferToCounselor(r, counselor, colleague.Name, now), cancellationToken);
        if (result.Succeeded)
        {
            await messenger.TransferredAsync(result.Request!, colleague.Name, cancellationToken);
        }

        return result;
    }

    /// <summary>Puts an active conversation back in the queue for counselors speaking another language.</summary>
    public async Task<HandoffResult> TransferToLanguageAsync(Guid id, string counselor, string language, CancellationToken cancellationToken)
    {
        if (!CounselorDirectory.KnownLanguages.Contains(language))
        {
            return HandoffResult.Fail(HandoffResultKind.InvalidInput);
        }

        var result = await MutateAsync(id, "transferred", (r, now) => HandoffStateMachine.TransferToLanguage(r, counselor, language, now), cancellationToken);
        await TellBackInQueueAsync(result, transferred: true, cancellationToken);
        return result;
    }

    /// <summary>The person chose <paramref name="language"/> in the chat while the request is open (<see cref="HandoffStateMachine.ChangeLanguage"/>).</summary>
    public Task<HandoffResult> ChangeLanguageAsync(Guid id, string language, CancellationToken cancellationToken) =>
        CounselorDirectory.KnownLanguages.Contains(language)
            ? MutateAsync(id, "language", (r, now) => HandoffStateMachine.ChangeLanguage(r, language, now), cancellationToken)
            : Task.FromResult(HandoffResult.Fail(HandoffResultKind.InvalidInput));

    // Only a change that put the request back in the queue is told (a repeated call by the same counselor changes nothing).
    private async Task TellBackInQueueAsync(HandoffResult result, bool transferred, CancellationToken cancellationToken)
    {
        if (result.Succeeded && result.Request!.Status == HandoffStatus.Waiting)
        {
            var ticket = await TicketAsync(result.Request.Id, reused: true, cancellationToken);
            await messenger.ReleasedAsync(result.Request, ticket.Position, transferred, cancellationToken);
        }
    }

    public Task<HandoffResult> AddNoteAsync(Guid id, string counselor, string text, CancellationToken cancellationToken) =>
        MutateAsync(id, "note", (r, now) => HandoffStateMachine.AddNote(r, counselor, text, now), cancellationToken);

    /// <summary>Sends the holder's message to the user; stored first, so a crash after storing never loses it from the transcript.</summary>
    public async Task<HandoffResult> SendCounselorMessageAsync(Guid id, string counselor, string text, CancellationToken cancellationToken)
    {
        // Refused before anything is stored: the person blocked the bot or left, so the message would never arrive.
        if (await GetAsync(id, cancellationToken) is { } current && UnreachableReasonFor(current) is not null)
        {
            return HandoffResult.Fail(HandoffResultKind.Unreachable, current);
        }

        var result = await MutateAsync(id, "counselorMessage", (r, now) => HandoffStateMachine.AddCounselorMessage(r, counselor, text, now), cancellationToken);
        if (result.Succeeded)
        {
            await messenger.CounselorMessageAsync(result.Request!, result.Request!.AssignedCounselor ?? counselor, text, cancellationToken);
        }

        return result;
    }

    /// <summary>Records a delivery result of a counselor message (from the outbox); consoles follow it on the live stream.</summary>
    public Task<HandoffResult> RecordDeliveryAsync(Guid id, string messageId, MessageDelivery delivery, CancellationToken cancellationToken) =>
        MutateAsync(id, "delivery", (r, _) => HandoffStateMachine.RecordDelivery(r, messageId, delivery), cancellationToken);

    /// <summary>Why the person cannot be reached on their channel (an <see cref="UnreachableReason"/>), or null.</summary>
    public string? UnreachableReasonFor(HandoffRequest request) =>
        unreachable?.ReasonFor(request.Address.ChannelId, request.Address.ConversationId);

    /// <summary>The holder closes with an outcome; the user is thanked and asked for satisfaction.</summary>
    public async Task<HandoffResult> CloseAsync(Guid id, string counselor, string outcome, CancellationToken cancellationToken)
    {
        var result = await MutateAsync(id, "closed", (r, now) => HandoffStateMachine.Close(r, counselor, outcome, now), cancellationToken);
        if (result.Succeeded)
        {
            LogClosed(logger, id);
            await messenger.ClosedAsync(result.Request!, cancellationToken);
        }

        return result;
    }

    /// <summary>The user withdrew (e.g. /menu or /delete); no message is sent, the flows answer the user themselves.</summary>
    public Task<HandoffResult> CancelAsync(Guid id, string outcome, CancellationToken cancellationToken) =>
        MutateAsync(id, "closed", (r, now) => HandoffStateMachine.CloseBySystem(r, outcome, now), cancellationToken);

    /// <summary>Closes with outcome "timeout" and tells the user.</summary>
    public async Task<HandoffResult> TimeOutAsync(Guid id, HandoffTimeoutReason reason, CancellationToken cancellationToken)
    {
        var result = await MutateAsync(id, "closed", (r, now) => HandoffStateMachine.CloseBySystem(r, "timeout", now), cancellationToken);
        if (result.Succeeded)
        {
            LogTimedOut(logger, id, reason);
            await messenger.TimedOutAsync(result.Request!, reason, cancellationToken);
        }

        return result;
    }

    public Task<HandoffResult> RecordSatisfactionAsync(Guid id, int score, CancellationToken cancellationToken) =>
        MutateAsync(id, "satisfaction", (r, _) => HandoffStateMachine.RecordSatisfaction(r, score), cancellationToken);

    private async Task<HandoffResult> MutateAsync(Guid id, string kind, Func<HandoffRequest, DateTimeOffset, HandoffResult> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await store.GetAsync(id, cancellationToken);
            if (current is null)
            {
                return HandoffResult.Fail(HandoffResultKind.NotFound);
            }

            var result = change(current, time.GetUtcNow());
            if (!result.Succeeded || ReferenceEquals(result.Request, current))
            {
                return result;
            }

            // Null means another writer changed the request first: re-read and re-check the guard.
            if (await store.TryUpdateAsync(result.Request!, cancellationToken) is { } stored)
            {
                events.Publish(new HandoffChange(id, stored.Status, kind, stored.AssignedCounselor));
                return HandoffResult.Ok(stored);
            }
        }
    }

    private async Task<IReadOnlyList<TranscriptEntry>> RecentTranscriptAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        var recent = await transcripts.RecentAsync(address.ChannelId, address.ConversationId, options.Value.TranscriptMessages, cancellationToken);
        return [.. recent.Select(m => new TranscriptEntry(m.At, m.Author, m.Text) { ButtonPressed = m.ButtonPressed })];
    }

    private static HandoffPriority PriorityFor(HandoffReason reason) => reason switch
    {
        HandoffReason.Emergency => HandoffPriority.Emergency,
        HandoffReason.Sensitive => HandoffPriority.Sensitive,
        _ => HandoffPriority.Normal,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {RequestId} queued ({Language}, {Reason}, {Priority})")]
    private static partial void LogQueued(ILogger logger, Guid requestId, string language, HandoffReason reason, HandoffPriority priority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {RequestId} claimed")]
    private static partial void LogClaimed(ILogger logger, Guid requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {RequestId} closed")]
    private static partial void LogClosed(ILogger logger, Guid requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {RequestId} timed out ({Reason})")]
    private static partial void LogTimedOut(ILogger logger, Guid requestId, HandoffTimeoutReason reason);
}
