using IntegrationBot.Flows.Localization;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Flows.Answers;

/// <summary>
/// Several questions in one message ("Kako odprem bančni račun in kje dobim SIM kartico?", "Iščem delo in stanovanje").
/// The engine reads a message as one question, so it answered the strongest part and the others went unanswered, or it
/// asked which one was meant. The message is cut after a question mark or a comma and at a word of its language that
/// joins two clauses or two things (<c>question.joiners</c> in Flows/Localization: "and", "in", "i", "dhe", "و", folded).
/// A part counts when it is a question (it begins with a question word, <c>question.words</c>, or ends with its own
/// question mark in a message with two), when it is the first part that asks for something ("I need", "iščem", "tražim",
/// "kërkoj", "أبحث": <c>question.requests</c>), and, after either, when it is a thing asked for: a part with no verb of
/// its own that, without its words about the person (<c>question.person</c>: I, my, family, children, have …), still
/// names its topic by a keyword or title, a topic the message read as one ranks too. Every part that counts must be
/// answered with confidence on its own, each with a different topic. So "a doctor for me and my children", "I have a
/// residence permit and want to bring my family" and "a bank account and a card" stay one question.
/// </summary>
public sealed class QuestionParts
{
    // The one answered and at most three offered as buttons.
    private const int MaxTopics = 4;
    private const int MaxParts = 8;

    // A thing asked for must score at least this share of the best topic's score in the message read as one: "kartico"
    // of "Potrebujem bančni račun in kartico" is the bank's card, although it names the SIM card topic ("SIM kartica").
    private const double WholeMessageShare = 0.4;
    private const string ArabicAnd = "و";
    private const string ArabicClitics = "ولبف";

    private static readonly char[] Spaces = [' ', '\n', '\t', '\r'];
    private static readonly char[] Punctuation = [',', '،', '.', ';', '!', '?', '؟', ':'];

    private readonly Dictionary<string, LanguageWords> _words = new(StringComparer.Ordinal);

    public QuestionParts(Localizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        foreach (var file in Language.All)
        {
            _words[file] = new LanguageWords(
                Folded(localizer, file, "question.joiners"),
                Folded(localizer, file, "question.words"),
                Folded(localizer, file, "question.requests"),
                Folded(localizer, file, "question.person"));
        }
    }

    /// <summary>The topics <paramref name="message"/> asks about, in the order written (at most four), or an empty list
    /// when it asks about one.</summary>
    public IReadOnlyList<string> TopicsAsked(KnowledgeEngine engine, KnowledgeResult message, string language)
    {
        var words = _words.GetValueOrDefault(language) ?? LanguageWords.None;
        var parts = Parts(engine, message.Text, words);
        var counted = Counted(parts, words, message.Text.Count(c => c is '?' or '؟') >= 2);
        if (counted.Count < 2)
        {
            return []; // no engine call for the parts of a message that asks one thing
        }

        var topics = new List<string>();
        foreach (var (part, thing) in counted)
        {
            if (engine.Ask(string.Join(' ', part), null, language) is not { Decision: Decision.Answer, Topic: { } topic } || topics.Contains(topic))
            {
                continue;
            }

            if (!thing || (NamesTopic(engine, part, topic, words) && RankedInMessage(message, topic)))
            {
                topics.Add(topic);
            }

            if (topics.Count == MaxTopics)
            {
                break;
            }
        }

        return topics.Count >= 2 ? topics : [];
    }

    /// <summary>
    /// Whether <paramref name="text"/> asks something: a question mark, a clause that begins with a question word
    /// (<c>question.words</c>), or a word that asks for something (<c>question.requests</c>). "Where can we sleep
    /// tonight" and "he left, where can we sleep" ask; "I am at the bus station with my kids" and "he has my phone" tell.
    /// </summary>
    public bool Asks(string text, string language)
    {
        if (text.Contains('?') || text.Contains('؟'))
        {
            return true;
        }

        var words = _words.GetValueOrDefault(language) ?? LanguageWords.None;
        var clauseStart = true;
        foreach (var raw in text.Split(Spaces, StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = Fold(raw);
            if ((clauseStart && words.QuestionWords.Contains(folded)) || words.Requests.Contains(folded))
            {
                return true;
            }

            clauseStart = words.Joiners.Contains(folded) || raw.EndsWith(',') || raw.EndsWith('،') || raw.EndsWith('.') || raw.EndsWith(';');
        }

        return false;
    }

    private static List<List<string>> Parts(KnowledgeEngine engine, string text, LanguageWords words)
    {
        var parts = new List<List<string>>();
        var current = new List<string>();
        foreach (var raw in text.Split(Spaces, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw;
            var folded = Fold(word);
            if (words.Joiners.Contains(folded))
            {
                Close(parts, current);
                continue;
            }

            // Arabic writes "and" onto the next word: "وأين" is "and where", "وسكن" "and housing"; "وظيفة" (a job) only
            // begins with the letter, and "ظيفة" names nothing.
            if (word.StartsWith(ArabicAnd, StringComparison.Ordinal) && folded.Length > 2
                && (words.QuestionWords.Contains(folded[1..]) || engine.TopicsNamedIn(folded[1..]).Count > 0))
            {
                Close(parts, current);
                word = word[1..];
            }

            current.Add(word);
            if (word.EndsWith('?') || word.EndsWith('؟') || word.EndsWith(',') || word.EndsWith('،'))
            {
                Close(parts, current);
            }
        }

        Close(parts, current);
        return parts;
    }

    // Questions count, and so does the first part that asks for something ("Iščem delo"); after either, a thing asked for
    // ("in stanovanje"). A part before any of them is context: "I have a residence permit".
    private static List<(List<string> Part, bool Thing)> Counted(List<List<string>> parts, LanguageWords words, bool marked)
    {
        var counted = new List<(List<string> Part, bool Thing)>();
        foreach (var part in parts.Take(MaxParts))
        {
            if (IsQuestion(part, words, marked) || (counted.Count == 0 && part.Any(w => words.Requests.Contains(Fold(w)))))
            {
                counted.Add((part, false));
            }
            else if (counted.Count > 0 && IsThing(part, words))
            {
                counted.Add((part, true));
            }
        }

        return counted;
    }

    // A thing has no verb of its own: "and I have a residence permit", "in imam dovoljenje", "and my wife needs a doctor"
    // say something about the person (the question words hold the auxiliaries: is, can, mogu, lahko).
    private static bool IsThing(List<string> part, LanguageWords words) =>
        !words.IsAboutPerson(Fold(part[0]))
        && !part.Any(w => Fold(w) is var folded && (words.QuestionWords.Contains(folded) || words.Requests.Contains(folded)));

    private static bool IsQuestion(List<string> part, LanguageWords words, bool marked) =>
        part.Count >= 2 && (words.QuestionWords.Contains(Fold(part[0])) || (marked && (part[^1].EndsWith('?') || part[^1].EndsWith('؟'))));

    // "a school for my son" names school enrolment; "my children" only the person's family (family reunification has
    // "children" among its keywords), and "okolici" (the surroundings) nothing, although its letters score as police.
    private static bool NamesTopic(KnowledgeEngine engine, List<string> part, string topic, LanguageWords words) =>
        engine.TopicsNamedIn(string.Join(' ', part.Where(w => !words.IsAboutPerson(Fold(w))))).Contains(topic);

    private static bool RankedInMessage(KnowledgeResult message, string topic) =>
        message.Candidates.Count > 0
        && message.Candidates.Any(c => c.Topic == topic && c.Score >= WholeMessageShare * message.Candidates[0].Score);

    private static string Fold(string word) => TextNormalizer.Fold(word.Trim(Punctuation)).Trim(Punctuation).Trim();

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

    private sealed record LanguageWords(HashSet<string> Joiners, HashSet<string> QuestionWords, HashSet<string> Requests, HashSet<string> AboutPerson)
    {
        public static readonly LanguageWords None = new([], [], [], []);

        // Arabic writes "for" and "and" onto the word: "ولأطفالي" is "and for my children".
        public bool IsAboutPerson(string folded) =>
            AboutPerson.Contains(folded) || (folded.Length > 3 && ArabicClitics.Contains(folded[0]) && IsAboutPerson(folded[1..]));
    }
}
