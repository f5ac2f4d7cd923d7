using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Flows.State;
using IntegrationBot.Handoff.Queue;

namespace IntegrationBot.Flows.Privacy;

/// <summary>
/// A counselor was asked for before the privacy notice was accepted: the request's reason waits here, on the dialog
/// stack, until the person accepts (the request starts), declines (it is dropped) or the request starts another way (an
/// emergency needs no consent). The person is asked one consent question: the notice's terms with what Accept does now,
/// or, when the privacy question is already on screen, only that its Accept now also passes the request on. Meanwhile
/// every message is read as usual, and a command or urgent text that clears the other questions leaves this wait in place.
/// </summary>
public sealed class HandoffConsentDialog(PrivacyNotice notice) : Dialog(DialogId), ISideQuestion
{
    public const string DialogId = "handoffConsent";
    private const string ReasonKey = "reason";

    /// <summary>Asks consent for a request with <paramref name="reason"/>; a newer request replaces one already waiting.</summary>
    public static Task AskAsync(FlowTurn turn, HandoffReason reason, CancellationToken cancellationToken)
    {
        var consent = new HandoffConsent(reason.ToString(), Announce: true);
        return turn.Dialogs.ActiveDialog?.Id == DialogId
            ? turn.Dialogs.ReplaceDialogAsync(DialogId, consent, cancellationToken)
            : turn.Dialogs.BeginDialogAsync(DialogId, consent, cancellationToken);
    }

    /// <summary>
    /// State saved before this wait was a dialog kept a waiting request's reason in a field: while the privacy answer is
    /// still open the request waits here now (unannounced, the notice is already on screen); the field goes either way.
    /// </summary>
    public static async Task AdoptEarlierAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Data.EarlierPendingHandoffReason is not { } reason)
        {
            return;
        }

        turn.Data = turn.Data with { EarlierPendingHandoffReason = null };
        if (turn.Data.Privacy == PrivacyChoice.Unanswered && Enum.TryParse<HandoffReason>(reason, out _))
        {
            await turn.Dialogs.BeginDialogAsync(DialogId, new HandoffConsent(reason, Announce: false), cancellationToken);
        }
    }

    /// <summary>Cancels every dialog on the stack but a request waiting for consent, which keeps waiting (unannounced).</summary>
    public static async Task CancelOthersAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var waiting = dc.Stack.LastOrDefault(d => d.Id == DialogId)?.Read<string>(ReasonKey);
        await dc.CancelAllDialogsAsync(cancellationToken);
        if (waiting is not null)
        {
            await dc.BeginDialogAsync(DialogId, new HandoffConsent(waiting, Announce: false), cancellationToken);
        }
    }

    /// <summary>Ends the wait, if a request is waiting for consent, and returns its reason.</summary>
    public static async Task<HandoffReason?> EndAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.ActiveDialog is not { Id: DialogId } waiting)
        {
            return null;
        }

        var reason = waiting.Read<string>(ReasonKey);
        await dc.EndDialogAsync(null, cancellationToken);
        return Enum.TryParse<HandoffReason>(reason, out var parsed) ? parsed : null;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var consent = options as HandoffConsent ?? throw new ArgumentException($"The consent wait needs a {nameof(HandoffConsent)}.", nameof(options));
        dc.ActiveDialog!.Write(ReasonKey, consent.Reason);
        if (consent.Announce)
        {
            var turn = FlowTurn.Of(dc.Context);
            // A second consent question right under the first (the notice a web chat or Viber conversation opens with)
            // asked the same thing twice: the one on screen stays the question.
            if (PrivacyNotice.IsOnScreen(turn.Data))
            {
                await turn.SayAsync("privacy.handoffOnAccept", PrivacyNotice.Buttons(turn), cancellationToken);
            }
            else
            {
                await turn.SayAsync("privacy.handoffNotice", notice.RetentionArgs(), PrivacyNotice.Buttons(turn), cancellationToken);
            }
        }

        return DialogTurnResult.Waiting;
    }

    // The answer comes as a pressed (or typed) Accept or Decline, which the privacy buttons' handlers read from here.
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        Task.FromResult(new DialogTurnResult(DialogTurnStatus.Waiting, FlowDialogs.NotAnAnswer));

    // A question asked meanwhile (a rating, feedback) ended: keep waiting, and pass on whether it took the message.
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, object? result, CancellationToken cancellationToken) =>
        Task.FromResult(new DialogTurnResult(DialogTurnStatus.Waiting, result));
}
