using System.Runtime.CompilerServices;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Intents;

/// <summary>
/// One compiled cue from intents.yaml. A phrase cue matches when its words appear in order anywhere in the
/// message, with at most <see cref="IntentDetector.MaxGap"/> other words between two of them. A whole-message cue
/// (written with a leading <c>=</c>) matches only when the message is that phrase and nothing else but filler words
/// ("please", "hi"): a lone "operator" asks for a human, "which mobile operator is cheapest" does not. Words written
/// after the cue with a leading <c>!</c> may not stand right after its last word: "son missing !school*" matches
/// "my son is missing" and "my son is missing since noon", not "my son is missing school". Written before the cue, such a
/// word may not stand right before its first word: "!karier* svetoval*" matches "svetovalca prosim", not "karierni
/// svetovalec" (a career counselor is a topic, not a request for a human). A word written with two (<c>!!car*</c>) may
/// stand nowhere in the message: "not moving !!car*" is a danger in "my uncle is not moving", not in "my car is not
/// moving"; <see cref="CueSet"/> reads the message for those words once per cue, not at every place the cue could start.
/// </summary>
internal sealed class CuePhrase
{
    private const char WholeMessageMark = '=';
    private const char NotNextMark = '!';
    private const string NotInMessageMark = "!!";

    /// <summary>What Arabic attaches to the front of a word ("and", "the", "with", "to"); matching also tries the word without them.</summary>
    internal static readonly string[] ArabicClitics = ["وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف"];

    private readonly string[] words;
    private readonly bool[] isPrefix;
    private readonly bool wholeMessage;
    private readonly (string Word, bool IsPrefix)[] notNext;
    private readonly (string Word, bool IsPrefix)[] notBefore;
    private readonly (string Word, bool IsPrefix)[] notInMessage;

    private CuePhrase(
        string[] words,
        bool[] isPrefix,
        bool wholeMessage,
        (string Word, bool IsPrefix)[] notNext,
        (string Word, bool IsPrefix)[] notBefore,
        (string Word, bool IsPrefix)[] notInMessage)
    {
        this.notInMessage = notInMessage;
        this.words = words;
        this.isPrefix = isPrefix;
        this.wholeMessage = wholeMessage;
        this.notNext = notNext;
        this.notBefore = notBefore;
    }

    /// <summary>The cue's first word: no message without a token matching it can match the cue.</summary>
    public string FirstWord => words[0];

    /// <summary>Whether <see cref="FirstWord"/> matches any word starting with it.</summary>
    public bool FirstIsPrefix => isPrefix[0];

    /// <summary>Compiles <paramref name="phrase"/>; null when it has no words.</summary>
    public static CuePhrase? Parse(string phrase)
    {
        var trimmed = phrase.Trim();
        var wholeMessage = trimmed.StartsWith(WholeMessageMark);
        if (wholeMessage)
        {
            trimmed = trimmed[1..];
        }

        var words = new List<string>();
        var prefixes = new List<bool>();
        var notNext = new List<(string, bool)>();
        var notBefore = new List<(string, bool)>();
        var notInMessage = new List<(string, bool)>();
        foreach (var part in trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var prefix = part.EndsWith('*');
            var tokens = Tokenizer.Tokenize(prefix ? part[..^1] : part);
            if (part.StartsWith(NotInMessageMark, StringComparison.Ordinal))
            {
                notInMessage.AddRange(tokens.Select(t => (t, prefix)));
                continue;
            }

            if (part.StartsWith(NotNextMark))
            {
                (words.Count == 0 ? notBefore : notNext).AddRange(tokens.Select(t => (t, prefix)));
                continue;
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                words.Add(tokens[i]);
                prefixes.Add(prefix && i == tokens.Count - 1);
            }
        }

        return words.Count == 0 ? null : new CuePhrase([.. words], [.. prefixes], wholeMessage, [.. notNext], [.. notBefore], [.. notInMessage]);
    }

    /// <summary>Whether the cue names words that may stand nowhere in the message (<c>!!word</c>).</summary>
    public bool HasMessageExclusions => notInMessage.Length > 0;

    /// <summary>Whether a word of <paramref name="tokens"/> (or, in Arabic, the word without a clitic) is one the cue
    /// excludes from the whole message. Linear in the message; <see cref="CueSet"/> asks it once per message.</summary>
    public bool MessageExcludes(IReadOnlyList<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (Excludes(notInMessage, token))
            {
                return true;
            }

            if (IsArabic(token))
            {
                foreach (var clitic in ArabicClitics)
                {
                    if (HasClitic(token, clitic) && Excludes(notInMessage, token[clitic.Length..]))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Whether this is a whole-message cue: its answer does not depend on where its first word stands.</summary>
    public bool IsWholeMessage => wholeMessage;

    /// <summary>
    /// Whether the cue matches the folded <paramref name="tokens"/> with its first word at <paramref name="start"/> (a
    /// whole-message cue: whether it matches at all; <paramref name="fillers"/> are the words it tolerates around and
    /// between its own words). <see cref="CueSet"/> asks this at each word that can start the cue, so a message is read once,
    /// not once per such word: asking the whole message again there made a 20,000-character message of a repeated
    /// phrase take seconds, quadratic in its length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MatchesAt(IReadOnlyList<string> tokens, int start, IReadOnlySet<string> fillers) =>
        wholeMessage
            ? WholeMatches(tokens, fillers)
            : (start == 0 || !Excludes(notBefore, tokens[start - 1])) && WordMatches(0, tokens[start]) && RestMatches(tokens, start + 1, 1);

    // Every token is either the next cue word or a filler, and all cue words are used. Read once from left to right,
    // keeping which numbers of cue words can be used so far (a word may be both a cue word and a filler): linear in the
    // message, where trying both readings of each such word recursively could double the work per word.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool WholeMatches(IReadOnlyList<string> tokens, IReadOnlySet<string> fillers)
    {
        Span<bool> used = stackalloc bool[words.Length + 1];
        Span<bool> next = stackalloc bool[words.Length + 1];
        used[0] = true;
        foreach (var token in tokens)
        {
            next.Clear();
            var filler = fillers.Contains(token);
            var any = false;
            for (var word = 0; word <= words.Length; word++)
            {
                if (!used[word])
                {
                    continue;
                }

                if (filler)
                {
                    next[word] = any = true;
                }

                if (word < words.Length && WordMatches(word, token))
                {
                    next[word + 1] = any = true;
                }
            }

            if (!any)
            {
                return false;
            }

            next.CopyTo(used);
        }

        return used[words.Length];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool RestMatches(IReadOnlyList<string> tokens, int from, int word)
    {
        if (word == words.Length)
        {
            return from == tokens.Count || !Excludes(notNext, tokens[from]);
        }

        for (var i = from; i < tokens.Count && i <= from + IntentDetector.MaxGap; i++)
        {
            if (WordMatches(word, tokens[i]) && RestMatches(tokens, i + 1, word + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="token"/> is one of this cue's words, as a match would read it.</summary>
    public bool HasWord(string token)
    {
        for (var word = 0; word < words.Length; word++)
        {
            if (WordMatches(word, token))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool WordMatches(int word, string token)
    {
        if (Same(word, token))
        {
            return true;
        }

        if (!IsArabic(token))
        {
            return false;
        }

        // Arabic attaches "and", "the", "with", "to" to the front of a word; try it without them.
        foreach (var clitic in ArabicClitics)
        {
            if (HasClitic(token, clitic) && Same(word, token.AsSpan(clitic.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether matching tries <paramref name="token"/> without its clitics at all.</summary>
    internal static bool IsArabic(string token) => token[0] is >= '\u0600' and <= '\u06FF';

    /// <summary>Whether <paramref name="token"/> starts with <paramref name="clitic"/> and keeps two letters without it.</summary>
    internal static bool HasClitic(string token, string clitic) =>
        token.Length > clitic.Length + 1 && token.StartsWith(clitic, StringComparison.Ordinal);

    private static bool Excludes((string Word, bool IsPrefix)[] excluded, string token)
    {
        foreach (var (word, prefix) in excluded)
        {
            if (prefix ? token.StartsWith(word, StringComparison.Ordinal) : token == word)
            {
                return true;
            }
        }

        return false;
    }

    private bool Same(int word, ReadOnlySpan<char> token) =>
        isPrefix[word] ? token.StartsWith(words[word], StringComparison.Ordinal) : token.SequenceEqual(words[word]);
}
