using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Intents;

/// <summary>
/// Finds requests for a human and signs of danger from the cue phrases in intents.yaml, in any of the five
/// languages whatever the message's language (people mix languages). Cues and text are folded, so diacritics,
/// case and Cyrillic do not matter. A cue's words must appear in order, with at most
/// <see cref="MaxGap"/> other words between them; a cue word ending in <c>*</c> matches any word starting with it
/// (inflection: "svetoval*" matches "svetovalcem"). A cue starting with <c>=</c> must be the whole message, apart
/// from filler words; an entry starting with <c>~</c> is not a cue but lists such filler words ("please", "hi").
/// </summary>
public sealed class IntentDetector
{
    /// <summary>How many other words may stand between two words of a cue ("talk to a real human").</summary>
    public const int MaxGap = 2;

    private const char FillerMark = '~';

    private readonly CueSet emergency;
    private readonly CueSet handoff;
    private readonly HashSet<string> fillers;

    public IntentDetector(IntentCues cues)
    {
        var all = cues.Handoff.Values.Concat(cues.Emergency.Values).SelectMany(p => p);
        fillers = [.. all.Where(IsFillerList).SelectMany(f => Tokenizer.Tokenize(f.Trim()[1..]))];
        emergency = Compile(cues.Emergency);
        handoff = Compile(cues.Handoff);
    }

    /// <summary>Emergency when any emergency cue matches (it wins), else handoff, else none.</summary>
    public IntentKind Detect(IReadOnlyList<string> foldedTokens)
    {
        if (emergency.AnyMatches(foldedTokens, fillers))
        {
            return IntentKind.Emergency;
        }

        return handoff.AnyMatches(foldedTokens, fillers) ? IntentKind.Handoff : IntentKind.None;
    }

    /// <summary>Folds and tokenizes <paramref name="text"/>, then detects.</summary>
    public IntentKind Detect(string text) => Detect(Tokenizer.Tokenize(text));

    private static bool IsFillerList(string entry) => entry.TrimStart().StartsWith(FillerMark);

    private static CueSet Compile(IReadOnlyDictionary<string, IReadOnlyList<string>> perLanguage) =>
        new(perLanguage.Values.SelectMany(p => p).Where(p => !IsFillerList(p)).Select(CuePhrase.Parse).OfType<CuePhrase>());
}
