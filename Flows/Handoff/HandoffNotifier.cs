using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.State;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows.Handoff;

/// <summary>
/// How Handoff reaches the person: each event becomes a proactive turn in their conversation, so the text is localized,
/// the conversation state changes with it, and the outbox delivers it on the person's channel.
/// </summary>
/// <remarks>Adapter and bot are resolved late: both depend (through the middleware) on the queue that depends on this.</remarks>
public sealed class HandoffNotifier(Func<TurnRunner> adapter, Func<AssistantBot> bot, OfficeInfo office) : IUserMessenger
{
    public Task CounselorMessageAsync(HandoffRequest request, string counselorName, string text, CancellationToken cancellationToken) =>
        RunAsync(request, async (turn, _) =>
        {
            var message = CounselorLine(turn, counselorName, text);
            turn.Data = turn.Data with { Handoff = HandoffPhase.WithCounselor, HandoffId = request.Id };
            // The message just stored is the request's last counselor entry; its id follows it into the outbox.
            var messageId = request.Transcript.LastOrDefault(e => e.Author == TranscriptAuthor.Counselor)?.MessageId;
            await turn.SendVerbatimAsync(
                message,
                messageId is null ? null : activity => CounselorMessageTag.Mark(activity, request.Id, messageId),
                cancellationToken);
            turn.Data = turn.Data with { Offered = [] };
        }, cancellationToken);

    public Task ClaimedAsync(HandoffRequest request, string counselorName, CancellationToken cancellationToken) =>
        RunAsync(request, async (turn, _) =>
        {
            turn.Data = turn.Data with { Handoff = HandoffPhase.WithCounselor, HandoffId = request.Id };
            await turn.SayAsync("handoff.claimed", new Dictionary<string, string> { ["counselor"] = NameAsWritten(counselorName) }, null, cancellationToken);
        }, cancellationToken);

    public Task ReleasedAsync(HandoffRequest request, int position, bool transferred, CancellationToken cancellationToken) =>
        RunAsync(request, async (turn, _) =>
        {
            // Waiting again: the person's messages keep reaching the request and knowledge questions are answered meanwhile.
            turn.Data = turn.Data with { Handoff = HandoffPhase.Waiting, HandoffId = request.Id };
            await turn.SayAsync(
                transferred ? "handoff.transferredToQueue" : "handoff.released",
                new Dictionary<string, string> { ["position"] = Math.Max(1, position).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                null,
                cancellationToken);
        }, cancellationToken);

    public Task TransferredAsync(HandoffRequest request, string counselorName, CancellationToken cancellationToken) =>
        RunAsync(request, async (turn, _) =>
        {
            turn.Data = turn.Data with { Handoff = HandoffPhase.WithCounselor, HandoffId = request.Id };
            await turn.SayAsync("handoff.transferred", new Dictionary<string, string> { ["counselor"] = NameAsWritten(counselorName) }, null, cancellationToken);
        }, cancellationToken);

    public Task ClosedAsync(HandoffRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, async (turn, dc) =>
        {
            turn.Data = turn.Data with { Handoff = HandoffPhase.Bot, HandoffId = request.Id, CounselorReason = null, VitalInterests = false };
            await turn.SayAsync("handoff.closed", cancellationToken: cancellationToken);
            await dc.CancelAllDialogsAsync(cancellationToken);
            await dc.BeginDialogAsync(FlowDialogs.Satisfaction, request.Id, cancellationToken);
        }, cancellationToken);

    public Task TimedOutAsync(HandoffRequest request, HandoffTimeoutReason reason, CancellationToken cancellationToken) =>
        RunAsync(request, async (turn, _) =>
        {
            turn.Data = turn.Data with { Handoff = HandoffPhase.Bot, VitalInterests = false };
            if (reason == HandoffTimeoutReason.Unclaimed)
            {
                var shown = office.ShownIn(turn.Language);
                var contact = string.Join(", ", new[] { shown.Name, shown.Address, shown.Phone, shown.Email }.Where(v => !string.IsNullOrWhiteSpace(v)));
                var officeText = contact.Length > 0 ? contact : turn.Localizer.Get(turn.Language, "office.notConfigured");
                await turn.SayAsync("handoff.timedOutUnclaimed", new Dictionary<string, string> { ["office"] = officeText }, null, cancellationToken);
            }
            else
            {
                await turn.SayAsync("handoff.timedOutSilent", cancellationToken: cancellationToken);
            }
        }, cancellationToken);

    private async Task RunAsync(HandoffRequest request, Func<FlowTurn, Dialogs.DialogStack.DialogContext, Task> action, CancellationToken cancellationToken)
    {
        var reference = JsonSerializer.Deserialize<ConversationReference>(request.Address.ReferenceJson, ActivityJson.Options)
            ?? throw new InvalidOperationException($"Handoff {request.Id} has no conversation reference.");
        await adapter().ContinueConversationAsync(
            reference,
            (context, ct) => bot().RunProactiveAsync(context, (turn, dc) => action(turn, dc), ct),
            cancellationToken);
    }

    /// <summary>
    /// A counselor's name stays as they wrote it, also for a Cyrillic reader: spelled out letter by letter it mangles
    /// names that are not Slavic ("Al-Khatib" became "Ал-Кхатиб").
    /// </summary>
    public static string NameAsWritten(string counselorName) => CyrillicTransliterator.MarkLatin(counselorName);

    /// <summary>The counselor's words exactly as written, under their name and their role in the person's language and script.</summary>
    private static string CounselorLine(FlowTurn turn, string counselorName, string text)
    {
        if (turn.Language == Knowledge.Languages.Language.Arabic)
        {
            return BidiText.IsolateForRightToLeft(
                turn.Localizer.Get(turn.Language, "handoff.counselorMessage", new Dictionary<string, string> { ["counselor"] = counselorName, ["text"] = text }));
        }

        // The words go in after the label is rendered, so no transliteration or mark handling touches them.
        const string Words = "\u0001";
        return turn.Say("handoff.counselorMessage", new Dictionary<string, string> { ["counselor"] = NameAsWritten(counselorName), ["text"] = Words })
            .Replace(Words, text, StringComparison.Ordinal);
    }
}
