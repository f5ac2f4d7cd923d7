using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Intents;

/// <summary>
/// Finds requests for a human and signs of danger from the cue phrases in intents.yaml, in any of the five
/// languages whatever the message's language (people mix languages). Cues and text are folded, so diacritics,
/// case and Cyrillic do not matter. A cue's words must appear in order, with at most
/// <see cref="MaxGap"/> other words between them; a cue word ending in <c>*</c> matches any word starting with it
/// (inflection: "svetoval*" matches "svetovalcem").
/// </summary>
public sealed class IntentDetector
{
    /// <summary>How many other words may stand between two words of a cue ("talk to a real human").</summary>
    public const int MaxGap = 2;

    private static readonly string[] ArabicClitics = ["وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف"];

    private readonly Cue[] emergency;
    private readonly Cue[] handoff;

    public IntentDetector(IntentCues cues)
    {
        emergency = Compile(cues.Emergency);
        handoff = Compile(cues.Handoff);
    }

    /// <summary>Emergency when any emergency cue matches (it wins), else handoff, else none.</summary>
    public IntentKind Detect(IReadOnlyList<string> foldedTokens)
    {
        if (emergency.Any(c => c.Matches(foldedTokens)))
        {
            return IntentKind.Emergency;
        }

        return handoff.Any(c => c.Matches(foldedTokens)) ? IntentKind.Handoff : IntentKind.None;
    }

    /// <summary>Folds and tokenizes <paramref name="text"/>, then detects.</summary>
    public IntentKind Detect(string text) => Detect(Tokenizer.Tokenize(text));

    private static Cue[] Compile(IReadOnlyDictionary<string, IReadOnlyList<string>> perLanguage) =>
        [.. perLanguage.Values.SelectMany(p => p).Select(Cue.Parse).OfType<Cue>()];

    private sealed record Cue(string[] Words, bool[] IsPrefix)
    {
        public static Cue? Parse(string phrase)
        {
            var words = new List<string>();
            var prefixes = new List<bool>();
            foreach (var part in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var isPrefix = part.EndsWith('*');
                var tokens = Tokenizer.Tokenize(isPrefix ? part[..^1] : part);
                for (var i = 0; i < tokens.Count; i++)
                {
                    words.Add(tokens[i]);
                    prefixes.Add(isPrefix && i == tokens.Count - 1);
                }
            }

            return words.Count == 0 ? null : new Cue([.. words], [.. prefixes]);
        }

        public bool Matches(IReadOnlyList<string> tokens)
        {
            for (var start = 0; start < tokens.Count; start++)
            {
                if (WordMatches(0, tokens[start]) && RestMatches(tokens, start + 1, 1))
                {
                    return true;
                }
            }

            return false;
        }

        private bool RestMatches(IReadOnlyList<string> tokens, int from, int word)
        {
            if (word == Words.Length)
            {
                return true;
            }

            for (var i = from; i < tokens.Count && i <= from + MaxGap; i++)
            {
                if (WordMatches(word, tokens[i]) && RestMatches(tokens, i + 1, word + 1))
                {
                    return true;
                }
            }

            return false;
        }

        private bool WordMatches(int word, string token)
        {
            if (Same(word, token))
            {
                return true;
            }

            if (token[0] is < '\u0600' or > '\u06FF')
            {
                return false;
            }

            // Arabic attaches "and", "the", "with", "to" to the front of a word; try it without them.
            foreach (var clitic in ArabicClitics)
            {
                if (token.Length > clitic.Length + 1 && token.StartsWith(clitic, StringComparison.Ordinal) && Same(word, token[clitic.Length..]))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Same(int word, string token) =>
            IsPrefix[word] ? token.StartsWith(Words[word], StringComparison.Ordinal) : token == Words[word];
    }
}
