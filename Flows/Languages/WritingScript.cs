namespace IntegrationBot.Flows.Languages;

/// <summary>Which script the person writes in (hbs in Cyrillic or Latin): answers follow the script of the last message.</summary>
public static class WritingScript
{
    public static bool HasCyrillic(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF');

    public static bool HasArabic(string text) => text.Any(c => c is >= '\u0600' and <= '\u06FF');

    /// <summary>
    /// Cyrillic when the message has Cyrillic letters, Latin when it has Latin ones, unless the person chose Cyrillic
    /// (<see cref="ConversationData.CyrillicChosen"/>); unchanged for digits or emoji.
    /// </summary>
    public static void Follow(FlowTurn turn, string text)
    {
        if (HasCyrillic(text))
        {
            turn.Data = turn.Data with { Cyrillic = true };
        }
        else if (!turn.Data.CyrillicChosen && text.Any(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z'))
        {
            turn.Data = turn.Data with { Cyrillic = false };
        }
    }
}
