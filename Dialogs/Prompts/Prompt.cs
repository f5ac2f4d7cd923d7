using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.DialogStack;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Dialogs.Prompts;

/// <summary>
/// Asks, then recognizes the answer; invalid input gets the retry prompt up to <see cref="PromptOptions.MaxRetries"/> times,
/// after which the prompt ends with a null result ("no answer"). A recognized answer ends it with a <typeparamref name="T"/>.
/// </summary>
public abstract class Prompt<T>(string id) : Dialog(id)
    where T : notnull
{
    private const string OptionsKey = "options";
    private const string RetriesKey = "retries";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' needs {nameof(PromptOptions)}.", nameof(options));
        var instance = dc.ActiveDialog!;
        instance.Write(OptionsKey, promptOptions);
        instance.Write(RetriesKey, 0);
        await SendAsync(dc.Context, promptOptions, promptOptions.Prompt, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var activity = dc.Context.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var instance = dc.ActiveDialog!;
        var options = instance.Read<PromptOptions>(OptionsKey) ?? new PromptOptions();
        if (TryRecognize(activity, options, out var value))
        {
            return await dc.EndDialogAsync(value, cancellationToken);
        }

        var retries = instance.Read<int>(RetriesKey);
        if (retries >= options.MaxRetries)
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        instance.Write(RetriesKey, retries + 1);
        await SendAsync(dc.Context, options, options.RetryPrompt ?? options.Prompt, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        var options = instance.Read<PromptOptions>(OptionsKey) ?? new PromptOptions();
        await SendAsync(turnContext, options, options.Prompt, cancellationToken);
    }

    /// <summary>Reads the answer from the user's activity.</summary>
    protected abstract bool TryRecognize(Activity activity, PromptOptions options, out T value);

    /// <summary>Lets a prompt add to what is sent, e.g. buttons for the choices.</summary>
    protected virtual Activity Render(Activity prompt, PromptOptions options) => prompt;

    private async Task SendAsync(ITurnContext turnContext, PromptOptions options, Activity? prompt, CancellationToken cancellationToken)
    {
        if (prompt is not null)
        {
            await turnContext.SendActivityAsync(Render(prompt with { InputHint = "expectingInput" }, options), cancellationToken);
        }
    }

    /// <summary>Quick-reply buttons for the offered choices, unless the caller already attached some.</summary>
    /// <remarks>A button posts its title, not the choice's value: Viber and web chat show what a button posts as the
    /// person's own message ("yes" under a Bosnian question), and the recognizer finds the choice by its title.</remarks>
    protected static Activity WithChoiceButtons(Activity prompt, IReadOnlyList<Choice>? choices) =>
        prompt.SuggestedActions is not null || choices is not { Count: > 0 }
            ? prompt
            : prompt with { SuggestedActions = new SuggestedActions([.. choices.Select(c => CardAction.Im(c.DisplayTitle))]) };
}
