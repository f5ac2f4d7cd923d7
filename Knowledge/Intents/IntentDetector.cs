using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Intents;

/// <summary>
/// Finds requests for a human, signs of danger and messages that are only a greeting or thanks from the cue
/// phrases in intents.yaml, in any of the five languages whatever the message's language (people mix languages).
/// Cues and text are folded, so diacritics, case and Cyrillic do not matter. A cue's words must appear in order, with at most
/// <see cref="MaxGap"/> other words between them; a cue word ending in <c>*</c> matches any word starting with it
/// (inflection: "svetoval*" matches "svetovalcem"). A cue starting with <c>=</c> must be the whole message, apart
/// from filler words; an entry starting with <c>~</c> is not a cue but lists such filler words ("please", "hi").
/// </summary>
public sealed class IntentDetector
{
    /// <summary>How many other words may stand between two words of a cue ("talk to a real human").</summary>
    public const int MaxGap = 2;

    private const char FillerMark = '~';

    // In priority order: danger wins over a request for a human, which wins over frustration, which wins over small talk.
    private readonly (IntentKind Kind, CueSet Cues, HashSet<string> Fillers)[] kinds;
    private readonly Dictionary<IntentKind, (string Language, CueSet Cues)[]> byLanguage;
    private readonly HashSet<string> fillers;

    // Small talk also tolerates the other one-word small-talk cues around a cue: "ok thanks bye", "hi, thank you".
    private readonly HashSet<string> smallTalkFillers;

    // The kinds of danger in the order they are tried: the more specific wins ("ubiti se" is suicide before "ubiti"
    // is a threat; a child in danger before violence in general); a cue of the plain emergency section is a danger.
    private static readonly EmergencyKind[] EmergencyOrder =
        [EmergencyKind.Suicide, EmergencyKind.Child, EmergencyKind.Medical, EmergencyKind.Violence, EmergencyKind.Danger];

    private readonly (EmergencyKind Kind, CueSet Cues)[] emergencyKinds;

    // Words that alone do not say which topic they mean, each with the topics it is asked back with.
    private readonly (IReadOnlyList<string> Topics, CueSet Cues)[] askBack;

    private readonly CueSet firstSteps;

    // The first-steps cues themselves, to read what else a message says besides their words ("arrived", "slovenia").
    private readonly CuePhrase[] firstStepsPhrases;

    public IntentDetector(IntentCues cues)
    {
        (IntentKind Kind, IReadOnlyDictionary<string, IReadOnlyList<string>> Cues)[] all =
        [
            (IntentKind.Emergency, AllEmergencyCues(cues)),
            (IntentKind.Handoff, cues.Handoff),
            (IntentKind.Frustration, cues.Frustration),
            (IntentKind.Greeting, cues.Greeting),
            (IntentKind.Thanks, cues.Thanks),
        ];
        fillers = [.. all.SelectMany(k => k.Cues.Values).SelectMany(p => p).Where(IsFillerList).SelectMany(f => Tokenizer.Tokenize(f.Trim()[1..]))];
        smallTalkFillers =
        [
            .. fillers,
            .. cues.Greeting.Values.Concat(cues.Thanks.Values).SelectMany(p => p)
                .Where(p => !IsFillerList(p))
                .Select(p => Tokenizer.Tokenize(p.Trim().TrimStart('=')))
                .Where(words => words.Count == 1)
                .Select(words => words[0]),
        ];
        kinds = [.. all.Select(k => (k.Kind, Compile(k.Cues), FillersOf(k.Kind)))];
        emergencyKinds =
        [
            .. EmergencyOrder.Select(kind => (kind, Compile(CuesOf(cues, kind)))),
            (EmergencyKind.Danger, Compile(cues.Emergency)),
        ];
        askBack = [.. cues.AskBack.Select(a => (a.Topics, Compile(a.Cues)))];
        firstStepsPhrases = Phrases(cues.FirstSteps);
        firstSteps = new CueSet(firstStepsPhrases);
        // Per language only for small talk: only its language is taken from the cue (see LanguagesOf).
        byLanguage = all.Where(k => IsSmallTalk(k.Kind)).ToDictionary(
            k => k.Kind,
            k => k.Cues.Select(p => (p.Key, Compile(new Dictionary<string, IReadOnlyList<string>> { [p.Key] = p.Value }))).ToArray());
    }

    /// <summary>The first kind (emergency, handoff, greeting, thanks) with a matching cue, else none.</summary>
    public IntentKind Detect(IReadOnlyList<string> foldedTokens)
    {
        foreach (var (kind, cues, tolerated) in kinds)
        {
            if (cues.AnyMatches(foldedTokens, tolerated))
            {
                return kind;
            }
        }

        return IntentKind.None;
    }

    /// <summary>The kind of danger in <paramref name="foldedTokens"/>: the first kind in priority order with a matching cue, else none.</summary>
    public EmergencyKind DetectEmergency(IReadOnlyList<string> foldedTokens)
    {
        foreach (var (kind, cues) in emergencyKinds)
        {
            if (cues.AnyMatches(foldedTokens, fillers))
            {
                return kind;
            }
        }

        return EmergencyKind.None;
    }

    /// <summary>
    /// The topics to ask back with when the message is only a word several topics share ("dovoljenje", "permit"; the
    /// <c>ask-back-</c> sections, the first that matches), in the order written; empty for any other message.
    /// </summary>
    public IReadOnlyList<string> AskBackTopics(IReadOnlyList<string> foldedTokens)
    {
        foreach (var (topics, cues) in askBack)
        {
            if (cues.AnyMatches(foldedTokens, fillers))
            {
                return topics;
            }
        }

        return [];
    }

    /// <summary>A newcomer asking where to begin (the <c>first-steps</c> section): not a topic, but the whole first-steps plan.</summary>
    public bool IsFirstSteps(IReadOnlyList<string> foldedTokens) => firstSteps.AnyMatches(foldedTokens, fillers);

    /// <summary>The words of <paramref name="foldedTokens"/> that are not words of a first-steps cue: what else the message says.</summary>
    public string BesidesFirstSteps(IReadOnlyList<string> foldedTokens) =>
        string.Join(' ', foldedTokens.Where(t => !firstStepsPhrases.Any(phrase => phrase.HasWord(t))));

    /// <summary>Greetings and thanks: nothing to look up, answered in kind.</summary>
    public static bool IsSmallTalk(IntentKind kind) => kind is IntentKind.Greeting or IntentKind.Thanks;

    /// <summary>
    /// The languages whose small-talk cues of <paramref name="kind"/> match (none for other kinds). A greeting or a
    /// thank-you of one or two words is too short for language identification: "miredita" is Albanian because it is
    /// an Albanian greeting, not because of its letters.
    /// </summary>
    public IReadOnlyList<string> LanguagesOf(IntentKind kind, IReadOnlyList<string> foldedTokens) =>
        byLanguage.TryGetValue(kind, out var languages)
            ? [.. languages.Where(g => g.Cues.AnyMatches(foldedTokens, FillersOf(kind))).Select(g => g.Language)]
            : [];

    private HashSet<string> FillersOf(IntentKind kind) => IsSmallTalk(kind) ? smallTalkFillers : fillers;

    /// <summary>Folds and tokenizes <paramref name="text"/>, then detects.</summary>
    public IntentKind Detect(string text) => Detect(Tokenizer.Tokenize(text));

    /// <summary>The name of a kind as intents.yaml writes it after <c>emergency-</c>: <c>medical</c>, <c>suicide</c>, ...</summary>
    public static string NameOf(EmergencyKind kind) => kind.ToString().ToLowerInvariant();

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> CuesOf(IntentCues cues, EmergencyKind kind) =>
        cues.EmergencyByKind.GetValueOrDefault(NameOf(kind)) ?? new Dictionary<string, IReadOnlyList<string>>();

    // Every language's cues of every kind: "is this danger at all" is one lookup, its kind only asked when it is.
    private static Dictionary<string, IReadOnlyList<string>> AllEmergencyCues(IntentCues cues) =>
        cues.Emergency.Concat(cues.EmergencyByKind.Values.SelectMany(k => k))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(p => p.Value)], StringComparer.Ordinal);

    private static bool IsFillerList(string entry) => entry.TrimStart().StartsWith(FillerMark);

    private static CueSet Compile(IReadOnlyDictionary<string, IReadOnlyList<string>> perLanguage) => new(Phrases(perLanguage));

    private static CuePhrase[] Phrases(IReadOnlyDictionary<string, IReadOnlyList<string>> perLanguage) =>
        [.. perLanguage.Values.SelectMany(p => p).Where(p => !IsFillerList(p)).Select(CuePhrase.Parse).OfType<CuePhrase>()];
}
