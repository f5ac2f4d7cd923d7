using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Prompts;

/// <summary>Offers <see cref="PromptOptions.Choices"/> as buttons; the result is a <see cref="FoundChoice"/>.</summary>
public sealed class ChoicePrompt(string id) : Prompt<FoundChoice>(id)
{
    protected override bool TryRecognize(Activity activity, PromptOptions options, out FoundChoice value)
    {
        value = ChoiceRecognizer.Recognize(activity.Text, options.Choices ?? [])!;
        return value is not null;
    }

    protected override Activity Render(Activity prompt, PromptOptions options) => WithChoiceButtons(prompt, options.Choices);
}
