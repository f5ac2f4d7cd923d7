using IntegrationBot.Dialogs.Outbox;

namespace IntegrationBot.Handoff.Queue;

/// <summary>The only place where a request changes status; each transition checks its guard and returns a failure otherwise.</summary>
public static class HandoffStateMachine
{
    public static HandoffResult Claim(HandoffRequest request, string counselor, DateTimeOffset now) => request.Status switch
    {
        HandoffStatus.Waiting => HandoffResult.Ok(request with
        {
            Status = HandoffStatus.Active,
            AssignedCounselor = counselor,
            ClaimedAt = now,
            FirstClaimedAt = request.FirstClaimedAt ?? now,
            Transcript = [.. request.Transcript, new TranscriptEntry(now, TranscriptAuthor.System, "claimed", counselor)],
        }),
        HandoffStatus.Active when SameCounselor(request, counselor) => HandoffResult.Ok(request),
        HandoffStatus.Active => HandoffResult.Fail(HandoffResultKind.AlreadyTaken, request),
        _ => HandoffResult.Fail(HandoffResultKind.InvalidState, request),
    };

    public static HandoffResult Release(HandoffRequest request, string counselor, DateTimeOffset now) =>
        RequireHolder(request, counselor) ?? HandoffResult.Ok(request with
        {
            Status = HandoffStatus.Waiting,
            AssignedCounselor = null,
            ClaimedAt = null,
            Transcript = [.. request.Transcript, new TranscriptEntry(now, TranscriptAuthor.System, "released", counselor)],
        });

    public static HandoffResult TransferToCounselor(HandoffRequest request, string counselor, string target, DateTimeOffset now) =>
        RequireHolder(request, counselor) ?? HandoffResult.Ok(request with
        {
            AssignedCounselor = target,
            ClaimedAt = now,
            Transcript = [.. request.Transcript, new TranscriptEntry(now, TranscriptAuthor.System, $"transferred to {target}", counselor)],
        });

    public static HandoffResult TransferToLanguage(HandoffRequest request, string counselor, string language, DateTimeOffset now) =>
        RequireHolder(request, counselor) ?? HandoffResult.Ok(request with
        {
            Status = HandoffStatus.Waiting,
            AssignedCounselor = null,
            ClaimedAt = null,
            RequestedLanguage = language,
            Transcript = [.. request.Transcript, new TranscriptEntry(now, TranscriptAuthor.System, $"transferred to language {language}", counselor)],
        });

    /// <summary>
    /// The person chose another language while the request is open: it is routed to counselors of that language from now
    /// on (a counselor's earlier transfer to a language gives way to it), and whoever holds it keeps it and reads why.
    /// </summary>
    public static HandoffResult ChangeLanguage(HandoffRequest request, string language, DateTimeOffset now) =>
        request.Status is not (HandoffStatus.Waiting or HandoffStatus.Active) || request.RoutingLanguage == language
            ? HandoffResult.Ok(request)
            : HandoffResult.Ok(request with
            {
                Language = language,
                RequestedLanguage = null,
                Transcript = [.. request.Transcript, new TranscriptEntry(now, TranscriptAuthor.System, $"the person changed the language to {language}", null)],
            });

    public static HandoffResult AddCounselorMessage(HandoffRequest request, string counselor, string text, DateTimeOffset now) =>
        RequireHolder(request, counselor) ?? HandoffResult.Ok(request with
        {
            LastCounselorMessageAt = now,
            Transcript =
            [
                .. request.Transcript,
                new TranscriptEntry(now, TranscriptAuthor.Counselor, text, counselor) { MessageId = Guid.NewGuid().ToString("N"), Delivery = MessageDelivery.Sending },
            ],
        });

    /// <summary>Records how far a counselor message got. A failure stays (a later part of a split message delivered does
    /// not hide an earlier part that failed); an unknown id or an unchanged state changes nothing.</summary>
    public static HandoffResult RecordDelivery(HandoffRequest request, string messageId, MessageDelivery delivery)
    {
        var index = request.Transcript.ToList().FindIndex(e => e.MessageId == messageId);
        if (index < 0 || request.Transcript[index].Delivery is { State: MessageDelivery.Failed } || request.Transcript[index].Delivery == delivery)
        {
            return HandoffResult.Ok(request);
        }

        var transcript = request.Transcript.ToArray();
        transcript[index] = transcript[index] with { Delivery = delivery };
        return HandoffResult.Ok(request with { Transcript = transcript });
    }

    public static HandoffResult AddUserMessage(HandoffRequest request, string text, DateTimeOffset now, bool buttonPressed = false) => request.IsOpen
        ? HandoffResult.Ok(request with
        {
            LastUserActivityAt = now,
            Transcript = [.. request.Transcript, new TranscriptEntry(now, TranscriptAuthor.User, text) { ButtonPressed = buttonPressed }],
        })
        : HandoffResult.Fail(HandoffResultKind.InvalidState, request);

    /// <summary>What the bot told the person while the request is open (a 112 warning, the queue position, when the
    /// office opens): the counselor reads it with the rest.</summary>
    public static HandoffResult AddBotMessages(HandoffRequest request, IReadOnlyList<string> texts, DateTimeOffset now) => request.IsOpen
        ? HandoffResult.Ok(request with
        {
            Transcript = [.. request.Transcript, .. texts.Select(text => new TranscriptEntry(now, TranscriptAuthor.Bot, text))],
        })
        : HandoffResult.Fail(HandoffResultKind.InvalidState, request);

    /// <summary>Notes are internal; only the holder writes them, also after closing (the closer stays the assigned counselor).</summary>
    public static HandoffResult AddNote(HandoffRequest request, string counselor, string text, DateTimeOffset now)
    {
        if (request.Status == HandoffStatus.Waiting)
        {
            return HandoffResult.Fail(HandoffResultKind.InvalidState, request);
        }

        return SameCounselor(request, counselor)
            ? HandoffResult.Ok(request with { Notes = [.. request.Notes, new HandoffNote(now, counselor, text)] })
            : HandoffResult.Fail(HandoffResultKind.NotHolder, request);
    }

    public static HandoffResult Close(HandoffRequest request, string counselor, string outcome, DateTimeOffset now) =>
        RequireHolder(request, counselor) ?? HandoffResult.Ok(Closed(request, outcome, now, counselor));

    /// <summary>Closing without a holder: timeouts and the user withdrawing.</summary>
    public static HandoffResult CloseBySystem(HandoffRequest request, string outcome, DateTimeOffset now) => request.IsOpen
        ? HandoffResult.Ok(Closed(request, outcome, now, null))
        : HandoffResult.Fail(HandoffResultKind.InvalidState, request);

    public static HandoffResult RecordSatisfaction(HandoffRequest request, int score)
    {
        if (score is < 1 or > 5)
        {
            return HandoffResult.Fail(HandoffResultKind.InvalidInput, request);
        }

        return request.Status == HandoffStatus.Closed && request.Satisfaction is null
            ? HandoffResult.Ok(request with { Satisfaction = score })
            : HandoffResult.Fail(HandoffResultKind.InvalidState, request);
    }

    private static HandoffRequest Closed(HandoffRequest request, string outcome, DateTimeOffset now, string? counselor) => request with
    {
        Status = HandoffStatus.Closed,
        Outcome = outcome,
        ClosedAt = now,
        Transcript = [.. request.Transcript, new TranscriptEntry(now, TranscriptAuthor.System, $"closed: {outcome}", counselor)],
    };

    private static HandoffResult? RequireHolder(HandoffRequest request, string counselor)
    {
        if (request.Status != HandoffStatus.Active)
        {
            return HandoffResult.Fail(HandoffResultKind.InvalidState, request);
        }

        return SameCounselor(request, counselor) ? null : HandoffResult.Fail(HandoffResultKind.NotHolder, request);
    }

    private static bool SameCounselor(HandoffRequest request, string counselor) =>
        string.Equals(request.AssignedCounselor, counselor, StringComparison.OrdinalIgnoreCase);
}
