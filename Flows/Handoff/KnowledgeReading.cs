using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Flows.Handoff;

/// <summary>
/// The knowledge engine's reading of this turn's message, kept for the turn so the relay's danger check and the bot's
/// emergency answer do not ask the engine twice about the same text.
/// </summary>
internal sealed record KnowledgeReading(string Text, string? Language, KnowledgeResult Result)
{
    private static readonly Dialogs.Runtime.TurnStateKey<KnowledgeReading> Key = new("flows.knowledgeReading");

    /// <summary>The engine's answer for <paramref name="text"/> in <paramref name="language"/>, from this turn's reading when it has one.</summary>
    /// <summary>This turn's reading of <paramref name="text"/>, when the engine was already asked about it.</summary>
    public static KnowledgeResult? Peek(Dialogs.Runtime.ITurnContext turnContext, string text) =>
        Key.Get(turnContext) is { } reading && reading.Text == text ? reading.Result : null;

    public static KnowledgeResult Ask(Dialogs.Runtime.ITurnContext turnContext, KnowledgeEngine engine, string text, string? language)
    {
        if (Key.Get(turnContext) is { } reading && reading.Text == text && reading.Language == language)
        {
            return reading.Result;
        }

        var result = engine.Ask(text, null, language);
        Key.Set(turnContext, new KnowledgeReading(text, language, result));
        return result;
    }
}
