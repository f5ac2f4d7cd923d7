using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Validation;

/// <summary>Checks the whole content for <c>kb check</c>; every problem names file, topic, language and field.</summary>
public sealed class KnowledgeValidator(TimeProvider time)
{
    /// <summary>An answer must fit one chat message.</summary>
    public const int MaxAnswerLength = 900;

    /// <summary>Sample questions needed per language so retrieval has enough to learn from.</summary>
    public const int MinQuestionsPerLanguage = 8;

    private static readonly string[] KnownFlags = [Topic.SensitiveFlag, Topic.EmergencyFlag];

    /// <summary>All problems in <paramref name="catalog"/>, load problems first; empty when the content is valid.</summary>
    public IReadOnlyList<ContentProblem> Validate(TopicCatalog catalog)
    {
        var problems = new List<ContentProblem>(catalog.LoadProblems);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var ids = catalog.Topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var required in RequiredTopics.Ids.Where(id => !ids.Contains(id)))
        {
            problems.Add(new ContentProblem($"topics/{required}.yaml", required, null, null, "required topic is missing"));
        }

        foreach (var duplicate in catalog.Topics.GroupBy(t => t.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new ContentProblem(duplicate.Last().SourceFile, duplicate.Key, null, "id",
                $"id also used by {duplicate.First().SourceFile}"));
        }

        foreach (var topic in catalog.Topics)
        {
            CheckTopic(topic, ids, today, problems);
        }

        CheckSharedQuestions(catalog, problems);
        CheckIntents(catalog.Intents, problems);
        return problems;
    }

    private static void CheckTopic(Topic topic, HashSet<string> ids, DateOnly today, List<ContentProblem> problems)
    {
        void Add(string? language, string? field, string message) =>
            problems.Add(new ContentProblem(topic.SourceFile, topic.Id.Length == 0 ? null : topic.Id, language, field, message));

        var fileId = Path.GetFileNameWithoutExtension(topic.SourceFile);
        if (topic.Id.Length == 0)
        {
            Add(null, "id", "missing");
        }
        else if (topic.Id != fileId)
        {
            Add(null, "id", $"'{topic.Id}' differs from the file name '{fileId}'");
        }

        if (!TopicCategory.IsValid(topic.Category))
        {
            Add(null, "category", topic.Category.Length == 0 ? "missing"
                : $"'{topic.Category}' is not one of {string.Join(", ", TopicCategory.All)}");
        }

        foreach (var flag in topic.Flags.Where(f => !KnownFlags.Contains(f)))
        {
            Add(null, "flags", $"unknown flag '{flag}' (known: {string.Join(", ", KnownFlags)})");
        }

        foreach (var related in topic.Related)
        {
            if (!ids.Contains(related))
            {
                Add(null, "related", $"'{related}' is not a topic id");
            }
            else if (related == topic.Id)
            {
                Add(null, "related", "a topic cannot be related to itself");
            }
        }

        if (topic.Sources.Count == 0)
        {
            Add(null, "sources", "at least one source URL is required");
        }

        foreach (var source in topic.Sources.Where(s => !Uri.TryCreate(s, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http")))
        {
            Add(null, "sources", $"'{source}' is not an http(s) URL");
        }

        if (topic.Reviewed is null)
        {
            Add(null, "reviewed", "missing review date (yyyy-mm-dd)");
        }
        else if (topic.Reviewed > today)
        {
            Add(null, "reviewed", $"{topic.Reviewed:yyyy-MM-dd} is in the future");
        }

        foreach (var language in Language.All)
        {
            CheckLanguage(topic, language, Add);
        }

        foreach (var extra in topic.Title.Keys.Concat(topic.Answer.Keys).Concat(topic.Questions.Keys).Distinct().Where(k => !Language.IsSupported(k)))
        {
            Add(extra, null, $"'{extra}' is not a language code ({string.Join(", ", Language.All)})");
        }
    }

    private static void CheckLanguage(Topic topic, string language, Action<string?, string?, string> add)
    {
        if (!HasText(topic.Title, language))
        {
            add(language, "title", "missing");
        }

        if (!HasText(topic.Answer, language))
        {
            add(language, "answer", "missing");
        }
        else
        {
            var answer = topic.Answer[language].Trim();
            if (answer.Length > MaxAnswerLength)
            {
                add(language, "answer", $"{answer.Length} characters, at most {MaxAnswerLength}");
            }

            foreach (var unknown in OfficePlaceholders.Unknown(answer))
            {
                add(language, "answer", $"unknown placeholder {{{unknown}}}");
            }
        }

        if (topic.Details.Count > 0 && !HasText(topic.Details, language))
        {
            add(language, "details", "missing (details, when present, are needed in every language)");
        }

        var questions = topic.Questions.GetValueOrDefault(language) ?? [];
        if (questions.Count < MinQuestionsPerLanguage)
        {
            add(language, "questions", $"{questions.Count} sample questions, at least {MinQuestionsPerLanguage}");
        }

        if ((topic.Keywords.GetValueOrDefault(language) ?? []).Count == 0)
        {
            add(language, "keywords", "missing");
        }
    }

    private static void CheckSharedQuestions(TopicCatalog catalog, List<ContentProblem> problems)
    {
        var owners = new Dictionary<string, Topic>(StringComparer.Ordinal);
        foreach (var topic in catalog.Topics)
        {
            foreach (var (language, questions) in topic.Questions)
            {
                foreach (var question in questions)
                {
                    var key = string.Join(' ', Tokenizer.Tokenize(question));
                    if (key.Length == 0)
                    {
                        continue;
                    }

                    if (!owners.TryAdd(key, topic) && owners[key].Id != topic.Id)
                    {
                        problems.Add(new ContentProblem(topic.SourceFile, topic.Id, language, "questions",
                            $"'{question}' is also a sample question of '{owners[key].Id}'"));
                    }
                }
            }
        }
    }

    private static void CheckIntents(IntentCues intents, List<ContentProblem> problems)
    {
        // Danger cues may be in the plain emergency section or in the emergency-<kind> ones; each kind written needs all five languages.
        var emergency = Language.All.ToDictionary(
            l => l,
            l => (IReadOnlyList<string>)[.. intents.Emergency.GetValueOrDefault(l) ?? [], .. intents.EmergencyByKind.Values.SelectMany(k => k.GetValueOrDefault(l) ?? [])]);
        var sections = new List<(string Kind, IReadOnlyDictionary<string, IReadOnlyList<string>> Cues)>
        {
            ("handoff", intents.Handoff), ("emergency", emergency), ("greeting", intents.Greeting), ("thanks", intents.Thanks),
        };
        sections.AddRange(intents.EmergencyByKind.Select(k => (IntentCues.EmergencyKindPrefix + k.Key, k.Value)));
        foreach (var (kind, cues) in sections)
        {
            foreach (var language in Language.All.Where(l => (cues.GetValueOrDefault(l) ?? []).Count == 0))
            {
                problems.Add(new ContentProblem("intents.yaml", null, language, kind, "no cue phrases"));
            }
        }
    }

    private static bool HasText(IReadOnlyDictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text);
}
