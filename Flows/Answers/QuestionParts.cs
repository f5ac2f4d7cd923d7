using IntegrationBot.Flows.Localization;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows.Answers;

/// <summary>
/// Two questions in one message ("Kako odprem bančni račun in kje dobim SIM kartico?"). The engine reads a message as
/// one question, so it answered the stronger part and the other went unanswered, or it asked which of the two was
/// meant. The message is cut after a question mark and at a word of its language that joins two clauses
/// (<c>question.joiners</c> in Flows/Localization: "and", "in", "i", "dhe", "و", folded). It asks two things only when
/// two or more parts are questions (each begins with a question word, <c>question.words</c>, or ends with its own
/// question mark) and the engine answers each of them on its own with confidence, with different topics. So "a doctor
/// for me and my children?" and "I have a residence permit and want to bring my family" stay one question.
/// </summary>
public sealed class QuestionParts
{
    private const int MaxParts = 4;
    private const string ArabicAnd = "و";

    // Per language: Slovene "in" (and) is English "in", Albanian "a" asks a question.
    private readonly Dictionary<string, (HashSet<string> Joiners, HashSet<string> QuestionWords)> _words = new(StringComparer.Ordinal);

    public QuestionParts(Localizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        foreach (var file in Language.All)
        {
            _words[file] = (Folded(localizer, file, "question.joiners"), Folded(localizer, file, "question.words"));
        }
    }

    /// <summary>The topics <paramref name="text"/> asks about, in the order written, or an empty list when the message
    /// is one question.</summary>
    public IReadOnlyList<string> TopicsAsked(KnowledgeEngine engine, string text, string language)
    {
        var parts = Questions(text, language);
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

    /// <summary>The parts of <paramref name="text"/> that are questions of their own (see the class).</summary>
    public IReadOnlyList<string> Questions(string text, string language)
    {
        var (joiners, questionWords) = _words.GetValueOrDefault(language, ([], []));
        var parts = new List<List<string>>();
        var words = new List<string>();
        foreach (var raw in text.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw;
            var folded = TextNormalizer.Fold(word.Trim(',', '.', ';', '!')).Trim();
            if (joiners.Contains(folded))
            {
                Close(parts, words);
                continue;
            }

            // Arabic writes "and" onto the next word: "وأين" is "and where", a new question.
            if (word.StartsWith(ArabicAnd, StringComparison.Ordinal) && questionWords.Contains(folded[1..]))
            {
                Close(parts, words);
                word = word[1..];
            }

            words.Add(word);
            if (EndsAsQuestion(word))
            {
                Close(parts, words);
            }
        }

        Close(parts, words);
        var marked = text.Count(c => c is '?' or '؟') >= 2;
        return [.. parts
            .Where(p => p.Count >= 2 && (questionWords.Contains(TextNormalizer.Fold(p[0]).Trim('?', '؟', ',')) || (marked && EndsAsQuestion(p[^1]))))
            .Select(p => string.Join(' ', p))];
    }

    private static bool EndsAsQuestion(string word) => word.EndsWith('?') || word.EndsWith('؟');

    private static void Close(List<List<string>> parts, List<string> words)
    {
        if (words.Count > 0)
        {
            parts.Add([.. words]);
            words.Clear();
        }
    }

    private static HashSet<string> Folded(Localizer localizer, string language, string key) =>
        new(localizer.Words(language, key).Select(w => TextNormalizer.Fold(w).Trim()), StringComparer.Ordinal);
}
