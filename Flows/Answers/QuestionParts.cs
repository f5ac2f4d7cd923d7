using IntegrationBot.Flows.Localization;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows.Answers;

/// <summary>
/// Two questions in one message ("Kako odprem bančni račun in kje dobim SIM kartico?"). The engine reads a message as
/// one question, so it answered the stronger part and the other went unanswered, or it asked which of the two was
/// meant. The message is cut after a question mark and at a word of its language that joins two questions
/// (<c>question.joiners</c> in Flows/Localization: "and", "in", "i", "dhe", "وكيف", folded); each part of two words or more is read on its own,
/// and the parts the engine answers with confidence are the questions asked, in the order written.
/// </summary>
public sealed class QuestionParts
{
    private const int MinWords = 2;
    private const int MaxParts = 4;
    // Per language: Slovene "in" (and) is English "in", Albanian "a" asks a question.
    private readonly Dictionary<string, HashSet<string>> _joiners = new(StringComparer.Ordinal);

    public QuestionParts(Localizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        foreach (var file in Language.All)
        {
            _joiners[file] = new HashSet<string>(localizer.Words(file, "question.joiners").Select(TextNormalizer.Fold), StringComparer.Ordinal);
        }
    }

    /// <summary>The topics <paramref name="text"/> asks about, one per part the engine answers with confidence (none
    /// repeated), or an empty list when the message is one question.</summary>
    public IReadOnlyList<string> TopicsAsked(KnowledgeEngine engine, string text, string language)
    {
        var parts = Split(text, language);
        if (parts.Count < 2)
        {
            return [];
        }

        var topics = new List<string>();
        foreach (var part in parts.Take(MaxParts))
        {
            if (engine.Ask(part, null, language) is { Decision: Decision.Answer, Topic: { } topic } && !topics.Contains(topic))
            {
                topics.Add(topic);
            }
        }

        return topics.Count >= 2 ? topics : [];
    }

    /// <summary>The parts of <paramref name="text"/> of at least two words, cut after '?' and at a joining word of
    /// <paramref name="language"/>.</summary>
    public IReadOnlyList<string> Split(string text, string language)
    {
        var joiners = _joiners.GetValueOrDefault(language) ?? [];
        var parts = new List<string>();
        var words = new List<string>();
        foreach (var word in text.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (joiners.Contains(TextNormalizer.Fold(word.Trim(',', '.', ';')).Trim()))
            {
                Close(parts, words);
                continue;
            }

            words.Add(word);
            if (word.EndsWith('?') || word.EndsWith('؟') || word.EndsWith(';'))
            {
                Close(parts, words);
            }
        }

        Close(parts, words);
        return parts;
    }

    private static void Close(List<string> parts, List<string> words)
    {
        if (words.Count >= MinWords)
        {
            parts.Add(string.Join(' ', words));
        }
        else if (words.Count > 0 && parts.Count > 0)
        {
            // "…? Thanks" or a lone word: it belongs to the part before.
            parts[^1] += " " + string.Join(' ', words);
        }
        else if (words.Count > 0)
        {
            parts.Add(string.Join(' ', words));
        }

        words.Clear();
    }
}
