using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question; the result is a bool. Optional buttons come from <see cref="PromptOptions.Choices"/> with the
/// values <see cref="YesValue"/> and <see cref="NoValue"/> (titles in the user's language); typed yes/no words work in all five languages.
/// </summary>
public sealed class ConfirmPrompt(string id) : Prompt<bool>(id)
{
    public const string YesValue = "yes";
    public const string NoValue = "no";

    protected override bool TryRecognize(Activity activity, PromptOptions options, out bool value)
    {
        var choice = options.Choices is { Count: > 0 } choices ? ChoiceRecognizer.Recognize(activity.Text, choices) : null;
        var answer = choice?.Value switch
        {
            YesValue => true,
            NoValue => false,
            _ => ConfirmRecognizer.Recognize(activity.Text),
        };
        value = answer ?? false;
        return answer is not null;
    }

    protected override Activity Render(Activity prompt, PromptOptions options) => WithChoiceButtons(prompt, options.Choices);
}
