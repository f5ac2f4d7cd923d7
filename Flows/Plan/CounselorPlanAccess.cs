using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.State;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Handoff.Plan;
using IntegrationBot.Handoff.Queue;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.Plan;

/// <summary>
/// The counselor's side of the plan: reads and changes the person's plan in a proactive turn of their conversation, so
/// the change and the message telling the person about it are committed together. Shown only after consent (privacy accepted).
/// </summary>
/// <remarks>Adapter and bot are resolved late, as in the handoff notifier: both depend on the queue.</remarks>
public sealed class CounselorPlanAccess(Func<TurnRunner> adapter, Func<AssistantBot> bot, PlanBook book, TimeProvider time) : IHandoffPlan
{
    public async Task<HandoffPlanView?> GetAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        HandoffPlanView? view = null;
        await RunAsync(request, turn =>
        {
            view = turn.Data switch
            {
                { Privacy: not PrivacyChoice.Accepted } => null,
                // A plan's answers are the ones in force; changed answers left part way count once the questions end.
                { Plan: { } plan } => View(plan),
                { PlanDraft: { } draft } => new HandoffPlanView([]) { Answers = IntakeSummary.ForCounselor(draft), Finished = false },
                _ => null,
            };
            return Task.CompletedTask;
        }, cancellationToken);
        return view;
    }

    public async Task<bool> MarkDoneAsync(HandoffRequest request, string stepId, string counselor, CancellationToken cancellationToken)
    {
        var done = false;
        await RunAsync(request, async turn =>
        {
            if (turn.Data is not { Privacy: PrivacyChoice.Accepted, Plan: { } plan })
            {
                return;
            }

            var title = book.Find(stepId)?.TitleIn(turn.Language)
                ?? (IndexOfAdded(stepId) is { } index && index < plan.Added.Count ? plan.Added[index] : null);
            if (title is null)
            {
                return;
            }

            turn.Data = turn.Data with { Plan = plan with { Done = plan.Done.Contains(stepId) ? plan.Done : [.. plan.Done, stepId] } };
            await turn.SayAsync("plan.counselorMarked", new Dictionary<string, string> { ["counselor"] = HandoffNotifier.NameAsWritten(counselor), ["title"] = title }, null, cancellationToken);
            done = true;
        }, cancellationToken);
        return done;
    }

    public async Task<bool> AddStepAsync(HandoffRequest request, string text, string counselor, CancellationToken cancellationToken)
    {
        var added = false;
        await RunAsync(request, async turn =>
        {
            if (turn.Data is not { Privacy: PrivacyChoice.Accepted, Plan: { } plan })
            {
                return;
            }

            turn.Data = turn.Data with { Plan = plan with { Added = [.. plan.Added, text] } };
            await turn.SayAsync("plan.counselorAdded", new Dictionary<string, string> { ["counselor"] = HandoffNotifier.NameAsWritten(counselor), ["title"] = text }, null, cancellationToken);
            added = true;
        }, cancellationToken);
        return added;
    }

    private HandoffPlanView View(PersonalPlan plan)
    {
        var entries = PlanProgress.Entries(book, plan, PlanProgress.Today(time));
        var steps = entries
            .Select(e => new HandoffPlanStep(e.Step.Id, e.Step.TitleIn(Language.English), e.Status.ToString().ToLowerInvariant(), e.Deadline?.ToString("yyyy-MM-dd"))
            {
                Titles = PlanBookStepTitles.InEveryLanguage(e.Step),
            })
            .Concat(plan.Added.Select((text, i) => new HandoffPlanStep(PlanFlow.AddedId(i), text, plan.Done.Contains(PlanFlow.AddedId(i)) ? "done" : "open", null)));
        return new HandoffPlanView([.. steps]) { Answers = IntakeSummary.ForCounselor(plan.Answers) };
    }

    private static int? IndexOfAdded(string stepId) =>
        stepId.StartsWith("added-", StringComparison.Ordinal) && int.TryParse(stepId.AsSpan(6), out var index) && index >= 0 ? index : null;

    private async Task RunAsync(HandoffRequest request, Func<FlowTurn, Task> action, CancellationToken cancellationToken)
    {
        var reference = JsonSerializer.Deserialize<ConversationReference>(request.Address.ReferenceJson, ActivityJson.Options)
            ?? throw new InvalidOperationException($"Handoff {request.Id} has no conversation reference.");
        await adapter().ContinueConversationAsync(reference, (context, ct) => bot().RunProactiveAsync(context, (turn, _) => action(turn), ct), cancellationToken);
    }
}
