using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Prompts;

/// <summary>Asks for free text; any non-empty text is an answer (a photo or sticker without text is not).</summary>
public sealed class TextPrompt(string id) : Prompt<string>(id)
{
    protected override bool TryRecognize(Activity activity, PromptOptions options, out string value)
    {
        value = activity.Text?.Trim() ?? string.Empty;
        return value.Length > 0;
    }
}
