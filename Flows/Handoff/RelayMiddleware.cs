using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Flows.Commands;
using IntegrationBot.Flows.Input;
using IntegrationBot.Flows.Languages;
using IntegrationBot.Flows.Localization;
using IntegrationBot.Flows.State;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Flows.Handoff;

/// <summary>
/// While a conversation waits for or is with a counselor, the person's messages go to the counselor. With a counselor the
/// bot stays silent; while waiting it also still answers (a weekend is long to wait in silence). /menu, /delete, /language, the
/// answers to the bot's own prompts and messages that signal danger reach only the bot, which relays danger itself.
/// </summary>
public sealed class RelayMiddleware(FlowState state, CommandReader commands, KnowledgeEngine engine, CounselorFlow counselor, Localizer localizer) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message || InputGuardMiddleware.CleanTextOf(turnContext) is not { Length: > 0 } text)
        {
            await next(cancellationToken);
            return;
        }

        // What the bot tells the person while a request is open, and in the turn that opens it (a 112 warning, the queue
        // position, when the office opens), also goes to the request, after the person's message, so the counselor
        // knows what they were told. Not after /delete: that erases the request with the rest.
        var command = commands.Read(text);
        var said = command is FlowCommand.Delete ? null : turnContext.CollectSentTexts();
        var data = await state.Conversation.GetOrDefaultAsync(turnContext, cancellationToken);
        if (data is null || !CounselorFlow.IsOpen(data))
        {
            await next(cancellationToken);
            await RecordIfOpenedAsync(turnContext, null, said, cancellationToken);
            return;
        }

        var dialogs = await state.Dialogs.GetOrDefaultAsync(turnContext, cancellationToken);
        if (dialogs?.Stack.Any(d => d.Id != LanguageSwitchDialog.DialogId) == true
            || command is FlowCommand.Menu or FlowCommand.Delete or FlowCommand.Language
            // The language chooser's buttons, after /language, and the switch question's: the bot's, like the command.
            // The switch question is asked beside the relay while waiting (a question written in another language), so
            // a message that does not answer it is the person's and reaches the counselor.
            || ButtonMatcher.OfferedWithTitle(data, text)?.Action is FlowActions.Language or FlowActions.SwitchYes or FlowActions.SwitchNo
            || KnowledgeReading.Ask(turnContext, engine, text, data.Language).Decision == Decision.Emergency)
        {
            await next(cancellationToken);
            await RecordAsync(data, said, cancellationToken);
            return;
        }

        // A press the channel marks is a button even when it is not under the last message (Telegram keeps every message's):
        // its title is not what the person wrote, and must not become the queue's preview.
        var pressed = ButtonPress.IsPress(turnContext.Activity) || ButtonMatcher.IsOfferedTitle(data, text, localizer);
        if (!await counselor.RelayAsync(data.HandoffId!.Value, text, pressed, cancellationToken))
        {
            // The request was closed meanwhile (e.g. a timeout raced this message): the bot takes over again.
            await state.SaveAsync(turnContext, data with { Handoff = HandoffPhase.Bot }, cancellationToken);
            await next(cancellationToken);
            await RecordIfOpenedAsync(turnContext, data.HandoffId, said, cancellationToken);
        }
        else if (data.Handoff == HandoffPhase.Waiting)
        {
            await next(cancellationToken);
            await RecordAsync(data, said, cancellationToken);
        }
    }

    private Task RecordAsync(ConversationData data, List<string>? said, CancellationToken cancellationToken) =>
        said is null ? Task.CompletedTask : counselor.RecordBotMessagesAsync(data.HandoffId!.Value, said, cancellationToken);

    /// <summary>The turn opened a request other than <paramref name="before"/>: its transcript was read when it opened,
    /// before the bot's lines of the turn were written, so they follow now.</summary>
    private async Task RecordIfOpenedAsync(ITurnContext turnContext, Guid? before, List<string>? said, CancellationToken cancellationToken)
    {
        var data = await state.Conversation.GetOrDefaultAsync(turnContext, cancellationToken);
        if (data is not null && CounselorFlow.IsOpen(data) && data.HandoffId != before)
        {
            await RecordAsync(data, said, cancellationToken);
        }
    }
}
