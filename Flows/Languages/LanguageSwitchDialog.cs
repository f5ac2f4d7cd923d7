using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Flows.Answers;
using IntegrationBot.Flows.Handoff;
using IntegrationBot.Flows.Input;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.State;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Flows.Languages;

/// <summary>
/// "You wrote in English: switch?" asked in the language the person just wrote in, with yes and no buttons; either
/// answer then answers the question that raised it. Any other message ends the question and is read as usual.
/// </summary>
public sealed class LanguageSwitchDialog(Localizer localizer, KnowledgeEngine engine, MenuFlow menu, QuestionFlow questions, TypedYesNoReader typedYesNo, CounselorFlow counselor) : Dialog(DialogId), ISideQuestion
{
    public const string DialogId = "languageSwitch";
    private const string SwitchKey = "switch";

    /// <summary>Ends a switch question that is still open (a language was chosen another way).</summary>
    public static async Task DropAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.ActiveDialog is { Id: DialogId })
        {
            await dc.EndDialogAsync(null, cancellationToken);
        }
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var asked = options as LanguageSwitch ?? throw new ArgumentException($"The switch question needs a {nameof(LanguageSwitch)}.", nameof(options));
        dc.ActiveDialog!.Write(SwitchKey, asked);
        var turn = FlowTurn.Of(dc.Context);
        var target = asked.Target;

        // Asked in the language the person just wrote in, since that is the one they read best.
        var voice = new Voice(target, target == Language.Bcs && WritingScript.HasCyrillic(asked.Question));
        var args = new Dictionary<string, string>
        {
            ["language"] = LatinName(target),
            ["current"] = LatinName(turn.Language),
        };
        await turn.SendAsync(localizer.Say(voice, "language.switchQuestion", args),
        [
            new OfferedAction(Localizer.RenderTitle(voice, localizer.Get(target, "language.switchYes")), FlowActions.SwitchYes, target),
            new OfferedAction(Localizer.RenderTitle(voice, localizer.Get(target, "language.switchNo", args)), FlowActions.SwitchNo, target),
        ], cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var turn = FlowTurn.Of(dc.Context);
        var asked = dc.ActiveDialog!.Read<LanguageSwitch>(SwitchKey);
        var pressed = ButtonMatcher.Find(turn) ?? typedYesNo.Read(turn);
        if (asked is null || pressed?.Action is not (FlowActions.SwitchYes or FlowActions.SwitchNo))
        {
            return await dc.EndDialogAsync(FlowDialogs.NotAnAnswer, cancellationToken);
        }

        // Ended before answering: the answer may itself ask something (a handoff waiting for consent).
        var ended = await dc.EndDialogAsync(null, cancellationToken);
        turn.Data = turn.Data with { Offered = [] };
        await (pressed.Action == FlowActions.SwitchYes
            ? SwitchAsync(turn, asked.Target, asked.Question, cancellationToken)
            : KeepAsync(turn, asked.Target, asked.Question, cancellationToken));
        return ended;
    }

    /// <summary>Yes: the conversation continues in <paramref name="target"/>, starting with the question (or the menu).</summary>
    public async Task SwitchAsync(FlowTurn turn, string target, string? question, CancellationToken cancellationToken)
    {
        turn.Data = turn.Data with { Language = target };
        // An open request follows, as with the chooser: Yes while waiting left it routed in the old language.
        await counselor.LanguageChangedAsync(turn, cancellationToken);
        await turn.SayAsync("language.chosen", cancellationToken: cancellationToken);
        await counselor.SayStillQueuedIfWaitingAsync(turn, cancellationToken);
        await AnswerAsync(turn, question, cancellationToken);
    }

    /// <summary>No: never asked about <paramref name="target"/> again; the question is answered in the current language.</summary>
    public async Task KeepAsync(FlowTurn turn, string target, string? question, CancellationToken cancellationToken)
    {
        turn.Data = turn.Data with { DeclinedSwitches = [.. turn.Data.DeclinedSwitches, target] };
        await AnswerAsync(turn, question, cancellationToken);
    }

    private async Task AnswerAsync(FlowTurn turn, string? question, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            await menu.ShowMenuAsync(turn, cancellationToken);
            return;
        }

        WritingScript.Follow(turn, question);
        await questions.AnswerAsync(turn, engine.Ask(question, turn.Language), null, cancellationToken);
    }

    // A language's own name ("English", "Shqip") stays as the person sees it on the language buttons, also when the
    // question is written to a Cyrillic writer; only the BCS name itself may be written in Cyrillic.
    private string LatinName(string language) =>
        language == Language.Bcs ? localizer.Get(language, "language.name") : $"[[{localizer.Get(language, "language.name")}]]";
}
