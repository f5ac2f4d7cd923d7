using System.Globalization;
using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Flows.Privacy;
using IntegrationBot.Flows.State;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Plan;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Knowledge.Text;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Flows.Plan;

/// <summary>"My first steps": shows the checklist (done, next, overdue), marks steps done and keeps the reminder choice.</summary>
public sealed class PlanFlow(PlanBook book, KnowledgeEngine engine, TimeProvider time, IOptions<PlanOptions> options, IPlanReminderStore reminders)
{
    /// <summary>The event the web chat sends when a person comes back to an earlier conversation.</summary>
    public const string ReturnedEvent = "webchat/join";

    public PlanBook Book => book;

    /// <summary>
    /// "My first steps": the questions where they stopped when they were left part way (a person asked for in the
    /// middle), the intake when there is no plan yet, otherwise the checklist.
    /// </summary>
    public Task StartOrShowAsync(FlowTurn turn, CancellationToken cancellationToken) => turn.Data switch
    {
        { PlanDraft: { } draft } => turn.Dialogs.BeginDialogAsync(PlanIntakeDialog.DialogId, draft, cancellationToken),
        { Plan: null } => turn.Dialogs.BeginDialogAsync(PlanIntakeDialog.DialogId, null, cancellationToken),
        _ => ShowAsync(turn, cancellationToken),
    };

    /// <summary>
    /// A person with a plan wrote or came back to the page now. True when they come back after
    /// <see cref="PlanOptions.ShowOnReturnAfter"/> or more (or for the first time since this was kept): the plan is worth showing.
    /// </summary>
    public bool Seen(FlowTurn turn)
    {
        var now = time.GetUtcNow();
        var away = turn.Data.LastSeen is not { } seen || now - seen >= options.Value.ShowOnReturnAfter;
        turn.Data = turn.Data with { LastSeen = now };
        return away;
    }

    /// <summary>The intake is over: keep the answers (and what was already done) and show the checklist.</summary>
    public async Task CompleteIntakeAsync(FlowTurn turn, IntakeAnswers answers, CancellationToken cancellationToken)
    {
        var existing = turn.Data.Plan;
        turn.Data = turn.Data with
        {
            Plan = existing is null ? new PersonalPlan { Answers = answers, Created = time.GetUtcNow() } : existing with { Answers = answers },
            PlanDraft = null,
        };
        await ShowAsync(turn, cancellationToken);
        if (!turn.Data.Plan!.RemindersAsked && options.Value.CanRemindOn(turn.Context.Activity.ChannelId))
        {
            turn.Data = turn.Data with { Plan = turn.Data.Plan with { RemindersAsked = true } };
            await turn.SayAsync("plan.remind.ask",
                [turn.Button("plan.remind.yes", FlowActions.PlanRemindYes), turn.Button("plan.remind.no", FlowActions.PlanRemindNo)],
                cancellationToken);
        }
    }

    /// <summary>The checklist, then what to do next with its buttons (or "all done").</summary>
    public async Task ShowAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var plan = turn.Data.Plan ?? new PersonalPlan();
        var entries = PlanProgress.Entries(book, plan, PlanProgress.Today(time));
        await turn.SendAsync(Checklist(turn.Voice, turn.Localizer, plan, entries), null, cancellationToken);
        if (PlanProgress.Current(entries) is not { } current)
        {
            await turn.SayAsync("plan.allDone", [turn.Button("plan.editButton", FlowActions.PlanEdit), turn.Button("menu.back", FlowActions.Menu)], cancellationToken);
            return;
        }

        await turn.SendAsync(Details(turn, current.Step),
        [
            turn.Button("plan.doneButton", FlowActions.PlanDone, current.Step.Id),
            turn.ButtonWithTitle(engine.Catalog.Find(current.Step.Topic)?.TitleIn(turn.Language) ?? turn.Localizer.Get(turn.Language, "plan.moreButton"), FlowActions.Topic, current.Step.Topic),
            turn.Button("plan.editButton", FlowActions.PlanEdit),
            turn.Button("menu.back", FlowActions.Menu),
        ], cancellationToken);
    }

    public async Task MarkDoneAsync(FlowTurn turn, string stepId, CancellationToken cancellationToken)
    {
        if (turn.Data.Plan is { } plan && book.Find(stepId) is { } step)
        {
            if (!plan.Done.Contains(stepId))
            {
                turn.Data = turn.Data with { Plan = plan with { Done = [.. plan.Done, stepId] } };
            }

            await turn.SayAsync("plan.marked", new Dictionary<string, string> { ["title"] = step.TitleIn(turn.Language) }, null, cancellationToken);
        }

        await ShowAsync(turn, cancellationToken);
    }

    /// <summary>
    /// "Done" said in words (or an earlier message's Done ✓ tapped, which Telegram keeps): the Done button when it is
    /// offered; otherwise, with a step to do, the question whether that step is done (another message came since, e.g.
    /// the reminder question, and it is not certain which step the person means).
    /// </summary>
    public OfferedAction? SaidDone(FlowTurn turn)
    {
        var text = TextNormalizer.Fold(turn.Text).Trim(' ', '.', '!', '✓', '✔');
        var words = turn.Localizer.Words(turn.Language, "plan.doneWords").Concat(turn.Localizer.Words("en", "plan.doneWords"));
        if (!words.Any(w => TextNormalizer.Fold(w) == text))
        {
            return null;
        }

        if (turn.Data.Offered.FirstOrDefault(o => o.Action == FlowActions.PlanDone) is { } done)
        {
            return done;
        }

        return turn.Data.Plan is { } plan && PlanProgress.Current(PlanProgress.Entries(book, plan, PlanProgress.Today(time))) is { } current
            ? new OfferedAction(turn.Text, FlowActions.PlanDoneAsk, current.Step.Id)
            : null;
    }

    /// <summary>Asks whether the step is done, with its Done ✓ and the plan.</summary>
    public async Task AskDoneAsync(FlowTurn turn, string stepId, CancellationToken cancellationToken)
    {
        if (book.Find(stepId) is not { } step)
        {
            await ShowAsync(turn, cancellationToken);
            return;
        }

        await turn.SayAsync("plan.confirmDone", new Dictionary<string, string> { ["title"] = step.TitleIn(turn.Language) },
            [turn.Button("plan.doneButton", FlowActions.PlanDone, step.Id), turn.Button("plan.menuButton", FlowActions.Plan)], cancellationToken);
    }

    /// <summary>Reminders on (opt-in) or off (/stop, the stop button, "no thanks").</summary>
    public async Task SetRemindersAsync(FlowTurn turn, bool on, CancellationToken cancellationToken)
    {
        var activity = turn.Context.Activity;
        var key = ConversationState.KeyFor(activity);
        if (turn.Data.Plan is { } plan)
        {
            turn.Data = turn.Data with { Plan = plan with { RemindersAsked = true, RemindersOn = on } };
        }

        if (on && turn.Data.Plan is not null && options.Value.CanRemindOn(activity.ChannelId))
        {
            var now = time.GetUtcNow();
            var reference = JsonSerializer.Serialize(activity.GetConversationReference(), ActivityJson.Options);
            await reminders.SaveAsync(new ReminderSubscription(key, $"{activity.ChannelId}|{activity.From?.Id}", reference, ReminderPlanner.NextWindowStart(now, options.Value), now), cancellationToken);
        }
        else
        {
            await reminders.RemoveAsync(key, cancellationToken);
        }

        await turn.SayAsync(on ? "plan.remind.on" : "plan.remind.off", [turn.Button("menu.back", FlowActions.Menu)], cancellationToken);
    }

    /// <summary>The day's reminder in a proactive turn; false when the person has no plan or stopped reminders.</summary>
    public async Task<bool> RemindAsync(FlowTurn turn, DateOnly today, CancellationToken cancellationToken)
    {
        if (turn.Data.Plan is not { RemindersOn: true } plan)
        {
            return false;
        }

        if (ReminderPlanner.Decide(book, plan, options.Value, today) is not { } reminder)
        {
            return true;
        }

        // The reminder is about the plan as it stands. Questions left half answered ("Change my answers") would take its
        // buttons for answers ("Done ✓" not understood, "Stop reminders" a skip): they end here, the plan keeps its answers.
        if (turn.Dialogs.Stack.Any(d => d.Id == PlanIntakeDialog.DialogId))
        {
            await HandoffConsentDialog.CancelOthersAsync(turn.Dialogs, cancellationToken);
        }

        var step = reminder.Entry.Step;
        turn.Data = turn.Data with { Plan = plan with { LastReminder = today, Reminded = [.. plan.Reminded, ReminderPlanner.Key(reminder.Entry, reminder.Kind)] } };
        var args = new Dictionary<string, string>
        {
            ["title"] = step.TitleIn(turn.Language),
            ["date"] = reminder.Entry.Deadline?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? string.Empty,
        };
        await turn.SayAsync(reminder.Kind == ReminderPlanner.DeadlineKind ? "plan.remind.deadline" : "plan.remind.waiting", args,
            [turn.Button("plan.doneButton", FlowActions.PlanDone, step.Id), turn.Button("plan.remind.stopButton", FlowActions.PlanStop)], cancellationToken);
        return true;
    }

    /// <summary>The checklist as one message: each step with its status and deadline, then steps a counselor added.</summary>
    public static string Checklist(Voice voice, Localizer localizer, PersonalPlan plan, IReadOnlyList<PlanEntry> entries)
    {
        var lines = new List<string> { localizer.Say(voice, "plan.checklist") };
        foreach (var (entry, index) in entries.Select((e, i) => (e, i + 1)))
        {
            var date = entry.Deadline?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
            var deadline = entry switch
            {
                { Deadline: not null } => localizer.Get(voice.Language, "plan.by", new Dictionary<string, string> { ["date"] = date! }),
                { Step.DeadlineDays: { } days } => localizer.Get(voice.Language, "plan.within", new Dictionary<string, string> { ["days"] = days.ToString(CultureInfo.InvariantCulture) }),
                _ => string.Empty,
            };
            var key = entry.Status switch
            {
                StepStatus.Done => "plan.line.done",
                StepStatus.Overdue => "plan.line.overdue",
                StepStatus.Next => "plan.line.next",
                _ => "plan.line.open",
            };
            lines.Add(localizer.Say(voice, key, new Dictionary<string, string>
            {
                ["number"] = index.ToString(CultureInfo.InvariantCulture),
                ["title"] = entry.Step.TitleIn(voice.Language),
                ["date"] = date ?? string.Empty,
                ["deadline"] = deadline,
            }));
        }

        foreach (var (added, index) in plan.Added.Select((a, i) => (a, i)))
        {
            var done = plan.Done.Contains(AddedId(index));
            lines.Add(localizer.Say(voice, done ? "plan.line.done" : "plan.line.open",
                new Dictionary<string, string> { ["number"] = (entries.Count + index + 1).ToString(CultureInfo.InvariantCulture), ["title"] = added, ["deadline"] = string.Empty }));
        }

        return string.Join("\n", lines);
    }

    /// <summary>The id under which a counselor-added step is marked done.</summary>
    public static string AddedId(int index) => "added-" + index.ToString(CultureInfo.InvariantCulture);

    private string Details(FlowTurn turn, PlanStep step)
    {
        var lines = new List<string> { turn.Say("plan.next", new Dictionary<string, string> { ["title"] = step.TitleIn(turn.Language) }) };
        if (step.BringIn(turn.Language) is { } bring)
        {
            lines.Add(turn.Say("plan.bring", new Dictionary<string, string> { ["bring"] = bring }));
        }

        // The live catalog's directory, so an entry published in the console reaches the plan without a restart. A place
        // reached by phone or e-mail only (PIC) gives those; without either the office tells the person where to go.
        var directory = engine.Catalog.Directory;
        lines.Add((directory.Describe(step.Where, turn.Language), directory.Contact(step.Where, turn.Language)) switch
        {
            ({ } place, _) => turn.Say("plan.where", new Dictionary<string, string> { ["place"] = place }),
            (null, { } contact) => turn.Say("plan.contact", new Dictionary<string, string> { ["contact"] = contact }),
            _ => turn.Say("plan.whereOffice"),
        });
        return string.Join("\n", lines);
    }
}
