using System.Runtime.CompilerServices;

namespace IntegrationBot.Knowledge.Intents;

/// <summary>
/// The cues of one kind (emergency or handoff), indexed by their first word. A cue can only match a message that
/// has a token matching its first word (whole-message cues too: all their words must be used), so only those cues
/// are tried; with about a thousand cues in five languages, trying each on every message was most of the detection.
/// </summary>
internal sealed class CueSet
{
    private readonly Dictionary<string, CuePhrase[]>.AlternateLookup<ReadOnlySpan<char>> exact;
    private readonly Dictionary<string, CuePhrase[]>.AlternateLookup<ReadOnlySpan<char>> prefixes;
    private readonly int longestPrefix;

    // Which first-word prefix lengths some cue has: a message's word is only looked up at those (a lookup at any other
    // length finds nothing), not at every length up to the longest.
    private readonly bool[] prefixLengths;

    public CueSet(IEnumerable<CuePhrase> cues)
    {
        var list = cues.ToList();
        exact = Group(list.Where(c => !c.FirstIsPrefix)).GetAlternateLookup<ReadOnlySpan<char>>();
        prefixes = Group(list.Where(c => c.FirstIsPrefix)).GetAlternateLookup<ReadOnlySpan<char>>();
        longestPrefix = list.Where(c => c.FirstIsPrefix).Select(c => c.FirstWord.Length).DefaultIfEmpty(0).Max();
        prefixLengths = new bool[longestPrefix + 1];
        foreach (var cue in list.Where(c => c.FirstIsPrefix))
        {
            prefixLengths[cue.FirstWord.Length] = true;
        }
    }

    /// <summary>Whether any cue matches <paramref name="tokens"/> (see <see cref="CuePhrase.Matches"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool AnyMatches(IReadOnlyList<string> tokens, IReadOnlySet<string> fillers)
    {
        // A whole-message cue's answer is the same wherever its first word stands: each is asked once per message; so is
        // whether a cue's excluded words (!!word) stand in the message.
        HashSet<CuePhrase>? wholeAsked = null;
        Dictionary<CuePhrase, bool>? excludedHere = null;
        for (var start = 0; start < tokens.Count; start++)
        {
            var token = tokens[start];
            if (AnyMatches(token.AsSpan(), tokens, start, fillers, ref wholeAsked, ref excludedHere))
            {
                return true;
            }

            // The same forms CuePhrase tries: an Arabic word also without the clitic in front of it.
            if (CuePhrase.IsArabic(token))
            {
                foreach (var clitic in CuePhrase.ArabicClitics)
                {
                    if (CuePhrase.HasClitic(token, clitic) && AnyMatches(token.AsSpan(clitic.Length), tokens, start, fillers, ref wholeAsked, ref excludedHere))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // The cues whose first word is this form of the token at start, or a prefix of it, tried from there.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AnyMatches(
        ReadOnlySpan<char> form,
        IReadOnlyList<string> tokens,
        int start,
        IReadOnlySet<string> fillers,
        ref HashSet<CuePhrase>? wholeAsked,
        ref Dictionary<CuePhrase, bool>? excludedHere)
    {
        if (exact.TryGetValue(form, out var cues) && AnyMatches(cues, tokens, start, fillers, ref wholeAsked, ref excludedHere))
        {
            return true;
        }

        for (var length = 1; length <= Math.Min(form.Length, longestPrefix); length++)
        {
            if (prefixLengths[length] && prefixes.TryGetValue(form[..length], out cues) && AnyMatches(cues, tokens, start, fillers, ref wholeAsked, ref excludedHere))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AnyMatches(
        CuePhrase[] cues,
        IReadOnlyList<string> tokens,
        int start,
        IReadOnlySet<string> fillers,
        ref HashSet<CuePhrase>? wholeAsked,
        ref Dictionary<CuePhrase, bool>? excludedHere)
    {
        foreach (var cue in cues)
        {
            if (cue.IsWholeMessage && !(wholeAsked ??= []).Add(cue))
            {
                continue;
            }

            if (cue.HasMessageExclusions && IsExcludedHere(cue, tokens, ref excludedHere))
            {
                continue;
            }

            if (cue.MatchesAt(tokens, start, fillers))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExcludedHere(CuePhrase cue, IReadOnlyList<string> tokens, ref Dictionary<CuePhrase, bool>? excludedHere)
    {
        excludedHere ??= [];
        if (!excludedHere.TryGetValue(cue, out var excluded))
        {
            excluded = cue.MessageExcludes(tokens);
            excludedHere[cue] = excluded;
        }

        return excluded;
    }

    private static Dictionary<string, CuePhrase[]> Group(IEnumerable<CuePhrase> cues) =>
        cues.GroupBy(c => c.FirstWord, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
}
