using System.Runtime.CompilerServices;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Intents;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Retrieval;

/// <summary>
/// Reads one message: identifies its language, checks for danger and for a request for a human, and ranks the
/// topics. Everything is built at construction; <see cref="Ask"/> is thread-safe, allocation-light and never
/// throws on odd input (empty, huge, binary, emoji-only messages give <see cref="Decision.None"/>).
/// <see cref="Apply"/> swaps in edited content while the bot runs (a publish from the console): a question reads
/// either the old or the new content, never a mix.
/// </summary>
public sealed class KnowledgeEngine
{
    private const int CandidateCount = 5;
    private const string EmergencyNumbersTopic = "emergency-numbers";
    private const string ViolenceTopic = "violence-help";

    private readonly IntentDetector intents;
    private volatile Content content;

    public KnowledgeEngine(TopicCatalog catalog, KnowledgeEngineOptions? options = null)
    {
        Options = options ?? new KnowledgeEngineOptions();
        content = new Content(catalog, TopicIndex.Build(catalog.Topics, Options), PrerequisiteServices.Build(catalog.Topics));
        intents = new IntentDetector(catalog.Intents);
        Identifier = LanguageIdentifier.FromCatalog(catalog);
    }

    /// <summary>The content answers come from now (changes when edited content is published).</summary>
    public TopicCatalog Catalog => content.Catalog;

    /// <summary>How many topics the last build of the search index read (all at start, the changed ones after <see cref="Apply"/>).</summary>
    public int LastIndexedTopicCount => content.Index.ExtractedTopicCount;

    public KnowledgeEngineOptions Options { get; }

    public LanguageIdentifier Identifier { get; }

    /// <summary>
    /// Makes <paramref name="catalog"/> the live content. Topics kept from the current catalog (the same instances)
    /// are not re-read by the index. The intent cues and the language profiles stay as built at start: one topic's
    /// edit does not move profiles learnt from thousands of samples, and they are rebuilt at the next start.
    /// </summary>
    public void Apply(TopicCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var current = content;
        // A directory change keeps every topic instance: the index (which never reads directory values) stays as it is,
        // so the change is live at once instead of after recomputing the term weights of every topic.
        var sameTopics = catalog.Topics.Count == current.Catalog.Topics.Count
            && catalog.Topics.Zip(current.Catalog.Topics).All(p => ReferenceEquals(p.First, p.Second));
        content = new Content(catalog, sameTopics ? current.Index : current.Index.Rebuild(catalog.Topics), PrerequisiteServices.Build(catalog.Topics));
    }

    /// <summary>Loads the shipped content (next to the assembly) and builds an engine over it.</summary>
    public static KnowledgeEngine LoadDefault(KnowledgeEngineOptions? options = null) => new(TopicCatalog.LoadDefault(), options);

    /// <summary>
    /// Reads <paramref name="text"/>. <paramref name="forcedLanguage"/> (a code) overrides identification;
    /// <paramref name="conversationLanguage"/> is kept when identification is unsure.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public KnowledgeResult Ask(string? text, string? forcedLanguage = null, string? conversationLanguage = null)
    {
        text ??= string.Empty;
        var forced = Language.Parse(forcedLanguage);
        var current = Language.Parse(conversationLanguage);
        var window = text.Length > Options.MaxQuestionLength ? text[..Options.MaxQuestionLength] : text;
        var folded = TextNormalizer.Fold(window);
        var tokens = Tokenizer.TokenizeFolded(folded);
        if (!HasWords(tokens))
        {
            return new KnowledgeResult(text, forced ?? current ?? Language.English, forced is null ? 0 : 1, Decision.None, null, 0, []);
        }

        var (language, confidence) = ChooseLanguage(window, forced, current);
        var live = content;
        var (candidates, topical) = Rank(live, folded, TextFeatures.Terms(tokens), language);
        var best = candidates.Count > 0 ? candidates[0] : null;
        var intent = intents.Detect(tokens);
        if (window.Length < text.Length && intent != IntentKind.Emergency)
        {
            // The rest of a long message is read for danger only; the search and the small talk stay on its window.
            var whole = Tokenizer.TokenizeFolded(TextNormalizer.Fold(text.Length > Options.MaxDangerReadLength ? text[..Options.MaxDangerReadLength] : text));
            if (intents.Detect(whole) == IntentKind.Emergency)
            {
                (intent, tokens) = (IntentKind.Emergency, whole);
            }
        }

        var decision = intent switch
        {
            IntentKind.Emergency => Decision.Emergency,
            IntentKind.Handoff => Decision.Handoff,
            IntentKind.Frustration => Decision.Frustration,
            IntentKind.Greeting => Decision.Greeting,
            IntentKind.Thanks => Decision.Thanks,
            _ => topical,
        };

        if (intent == IntentKind.None && intents.AskBackTopics(tokens) is { Count: > 0 } askBack
            && AskBack(live.Catalog, askBack, candidates) is { Count: >= 2 } askedBack)
        {
            (decision, candidates, best) = (Decision.Clarify, askedBack, askedBack[0]);
        }

        IReadOnlyList<string> smallTalkLanguages = IntentDetector.IsSmallTalk(intent) ? intents.LanguagesOf(intent, tokens) : [];
        if (smallTalkLanguages.Count > 0 && forced is null)
        {
            language = SmallTalkLanguage(smallTalkLanguages, language, current);
        }

        var emergency = decision == Decision.Emergency ? intents.DetectEmergency(tokens) : EmergencyKind.None;
        var topic = decision switch
        {
            Decision.Emergency => EmergencyTopic(live.Catalog, emergency),
            Decision.Greeting or Decision.Thanks or Decision.Frustration => null,
            _ => best?.Topic,
        };
        return new KnowledgeResult(text, language, confidence, decision, topic, best?.Score ?? 0, candidates)
        {
            EmergencyKind = emergency,
            SmallTalkLanguages = smallTalkLanguages,
            // Not when the rest of the message names a topic by its keywords ("I just arrived, where do I buy a SIM card"):
            // that question is asked back or answered as any other. The cue's own words do not count ("prispel" is
            // also how "prispevek", the health insurance contribution, starts).
            FirstSteps = intent == IntentKind.None && intents.IsFirstSteps(tokens) && TopicsNamedIn(intents.BesidesFirstSteps(tokens)).Count == 0,
        };
    }

    /// <summary>
    /// The topics <paramref name="text"/> names by one of their curated keywords or titles, in any language and in some
    /// form ("zdravnika" names the doctor topic by "zdravnik"), unranked: a curated signal that a short phrase is about
    /// a topic, where the score alone can come from shared letters ("okolici", surroundings, scores as police).
    /// </summary>
    public IReadOnlySet<string> TopicsNamedIn(string? text) => content.Index.TopicsNamedIn(TextNormalizer.Fold(text ?? string.Empty));

    // A greeting's (or a thank-you's) language is the language it is one in; the conversation's language, then the
    // identifier's guess, decide between languages that share it ("zdravo", "hvala" are sl and hbs).
    private static string SmallTalkLanguage(IReadOnlyList<string> languages, string identified, string? current)
    {
        if (current is not null && languages.Contains(current))
        {
            return current;
        }

        return languages.Count == 0 || languages.Contains(identified) ? identified : languages[0];
    }

    // A word that alone does not say which topic it means ("dovoljenje": a residence or a work permit) is asked back with
    // the topics its ask-back section lists, in its order (the most likely first), and only those: whichever topic its
    // letters happen to score highest ("dovoljenje" the work permit, whose samples say it again and again) is no answer.
    private static List<TopicScore> AskBack(TopicCatalog catalog, IReadOnlyList<string> topics, IReadOnlyList<TopicScore> candidates) =>
        [
            .. topics.Where(t => catalog.Find(t) is not null).Distinct(StringComparer.Ordinal)
                .Select(t => candidates.FirstOrDefault(c => c.Topic == t) ?? new TopicScore(t, 0)),
        ];

    // Something to read: a token with a letter, or a number of three digits or more.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasWords(IReadOnlyList<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Length >= 3)
            {
                return true;
            }

            foreach (var c in token)
            {
                if (char.IsLetter(c))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // In danger the topic follows the kind, never the words: "someone is dying, not breathing" shares words with the
    // violence topic, "the flat is on fire, which number" with the phone-number topic.
    private static string? EmergencyTopic(TopicCatalog catalog, EmergencyKind kind) =>
        (kind == EmergencyKind.Violence ? catalog.Find(ViolenceTopic)?.Id : null) ?? catalog.Find(EmergencyNumbersTopic)?.Id;

    private (string Language, double Confidence) ChooseLanguage(string text, string? forced, string? current)
    {
        if (forced is not null)
        {
            return (forced, 1.0);
        }

        var distribution = Identifier.Distribution(text);
        var guess = distribution.MaxBy(g => g.Confidence)!;
        if (guess.Confidence == 0)
        {
            return (current ?? Language.English, 0); // only digits and symbols: nothing to identify
        }

        if (guess.Confidence >= Options.LanguageThreshold || current is null)
        {
            return (guess.Language, Math.Round(guess.Confidence, 4));
        }

        return (current, Math.Round(distribution.First(g => g.Language == current).Confidence, 4));
    }

    // A short question without an answer is read again with its unknown words put right where they are one typing slip
    // from a word of the content ("docor", "shcool"): with one or two words there is nothing else to go on. What that
    // finds is a guess, so it is offered as "Did you mean…", never answered directly.
    private (IReadOnlyList<TopicScore> Candidates, Decision Decision) Rank(Content live, string folded, List<string> terms, string language)
    {
        var index = live.Index;
        var candidates = ForTheService(live, folded, index.Search(terms, language, CandidateCount));
        var decision = Decide(candidates);
        if (decision == Decision.Answer || terms.Count > Options.SpellingMaxWords)
        {
            return (candidates, decision);
        }

        var corrected = index.Corrected(terms);
        if (ReferenceEquals(corrected, terms))
        {
            return (candidates, decision);
        }

        var guessed = index.Search(corrected, language, CandidateCount);
        var better = Decide(guessed) != Decision.None && guessed[0].Score > (candidates.Count > 0 ? candidates[0].Score : 0);
        return better ? (guessed, Decision.Clarify) : (candidates, decision);
    }

    // A document that services ask for, named together with such a service, is asked about for the service: "do I need an
    // ID card for a SIM card" and "ali rabim osebno izkaznico za sim kartico" got the identity card (only for citizens),
    // whose few samples all say "ID card", instead of the SIM card, which says what the shop asks for. The service (named
    // by one of its keywords besides the document's own words, among the candidates, and one whose samples ask about the
    // document) takes the document's place and score, and the document, which is not what is asked, leaves the candidates.
    private static IReadOnlyList<TopicScore> ForTheService(Content live, string folded, IReadOnlyList<TopicScore> candidates)
    {
        if (candidates.Count < 2 || live.Catalog.Find(candidates[0].Topic) is not { IsPrerequisite: true } document)
        {
            return candidates;
        }

        var named = live.Index.TopicsNamedIn(live.Prerequisites.Besides(document.Id, TextFeatures.Terms(folded)));
        var service = candidates.Skip(1).FirstOrDefault(c => named.Contains(c.Topic) && live.Prerequisites.AskFor(document.Id, c.Topic));
        return service is null
            ? candidates
            : [service with { Score = candidates[0].Score }, .. candidates.Skip(1).Where(c => c != service)];
    }

    private Decision Decide(IReadOnlyList<TopicScore> candidates)
    {
        if (candidates.Count == 0 || candidates[0].Score < Options.ClarifyThreshold)
        {
            return Decision.None;
        }

        var margin = candidates[0].Score - (candidates.Count > 1 ? candidates[1].Score : 0);
        return candidates[0].Score >= Options.AnswerThreshold && margin >= Options.AnswerMargin
            ? Decision.Answer
            : Decision.Clarify;
    }

    private sealed record Content(TopicCatalog Catalog, TopicIndex Index, PrerequisiteServices Prerequisites);
}
