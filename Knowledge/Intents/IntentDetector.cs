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
    private readonly CueSet greeting;
    private readonly (string Language, CueSet Cues)[] greetingByLanguage;
    private readonly HashSet<string> fillers;

    public IntentDetector(IntentCues cues)
    {
        var all = cues.Handoff.Values.Concat(cues.Emergency.Values).Concat(cues.Greeting.Values).SelectMany(p => p);
        fillers = [.. all.Where(IsFillerList).SelectMany(f => Tokenizer.Tokenize(f.Trim()[1..]))];
        emergency = Compile(cues.Emergency);
        handoff = Compile(cues.Handoff);
        greeting = Compile(cues.Greeting);
        greetingByLanguage = [.. cues.Greeting.Select(p => (p.Key, Compile(new Dictionary<string, IReadOnlyList<string>> { [p.Key] = p.Value })))];
    }

    /// <summary>Emergency when any emergency cue matches (it wins), else handoff, else greeting, else none.</summary>
    public IntentKind Detect(IReadOnlyList<string> foldedTokens)
    {
        if (emergency.AnyMatches(foldedTokens, fillers))
        {
            return IntentKind.Emergency;
        }

        if (handoff.AnyMatches(foldedTokens, fillers))
        {
            return IntentKind.Handoff;
        }

        return greeting.AnyMatches(foldedTokens, fillers) ? IntentKind.Greeting : IntentKind.None;
    }

    /// <summary>
    /// The languages whose greeting cues match (a greeting of one or two words is too short for language
    /// identification: "miredita" is Albanian because it is an Albanian greeting, not because of its letters).
    /// </summary>
    public IReadOnlyList<string> GreetingLanguages(IReadOnlyList<string> foldedTokens) =>
        [.. greetingByLanguage.Where(g => g.Cues.AnyMatches(foldedTokens, fillers)).Select(g => g.Language)];

    /// <summary>Folds and tokenizes <paramref name="text"/>, then detects.</summary>
    public IntentKind Detect(string text) => Detect(Tokenizer.Tokenize(text));

    private static bool IsFillerList(string entry) => entry.TrimStart().StartsWith(FillerMark);

    private static CueSet Compile(IReadOnlyDictionary<string, IReadOnlyList<string>> perLanguage) =>
        new(perLanguage.Values.SelectMany(p => p).Where(p => !IsFillerList(p)).Select(CuePhrase.Parse).OfType<CuePhrase>());
}
