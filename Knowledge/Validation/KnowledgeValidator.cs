using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Validation;

/// <summary>Checks the whole content for <c>kb check</c>; every problem names file, topic, language and field.</summary>
public sealed partial class KnowledgeValidator(TimeProvider time)
{
    /// <summary>The short first answer; the rest is in <c>details</c>, one tap away. Source markers do not count.</summary>
    public const int MaxAnswerLength = 600;

    /// <summary>Longest name, address, hours, phone, e-mail, map or source link of a directory entry (the longest shipped is under 100).</summary>
    public const int MaxDirectoryFieldLength = 300;

    /// <summary>A language's review older than this is reported as a warning (<see cref="StaleReviews"/>).</summary>
    public const int StaleAfterDays = 180;

    /// <summary>Sample questions needed per language so retrieval has enough to learn from.</summary>
    public const int MinQuestionsPerLanguage = 8;

    private static readonly string[] KnownFlags = [Topic.SensitiveFlag, Topic.EmergencyFlag, Topic.PrerequisiteFlag];

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
            CheckTopic(topic, ids, today, catalog.Directory, problems);
        }

        CheckDirectory(catalog.Directory, problems);

        CheckSharedQuestions(catalog, problems);
        CheckIntents(catalog.Intents, problems);
        CheckAskBack(catalog.Intents, ids, problems);
        return problems;
    }

    /// <summary>
    /// Warnings, not errors: every topic language whose review is older than <see cref="StaleAfterDays"/> days
    /// (kb check prints them and still passes; the console dashboard lists them).
    /// </summary>
    public IReadOnlyList<ContentProblem> StaleReviews(TopicCatalog catalog)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return
        [
            .. from topic in catalog.Topics
               from review in topic.Reviews.OrderBy(r => Array.IndexOf(Language.All.ToArray(), r.Key))
               let age = today.DayNumber - review.Value.On.DayNumber
               where age > StaleAfterDays
               select new ContentProblem(topic.SourceFile, topic.Id, review.Key, "reviewed",
                   $"reviewed {review.Value.On:yyyy-MM-dd} by {review.Value.By}, {age} days ago (older than {StaleAfterDays} days)"),
        ];
    }

    private static void CheckTopic(Topic topic, HashSet<string> ids, DateOnly today, LocalDirectory directory, List<ContentProblem> problems)
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

        foreach (var source in topic.Sources.Where(s => !IsHttps(s)))
        {
            Add(null, "sources", $"'{source}' is not an https URL");
        }

        foreach (var language in Language.All)
        {
            if (!topic.Reviews.TryGetValue(language, out var review))
            {
                Add(language, "reviewed", "missing review (on: yyyy-mm-dd, by: reviewer)");
            }
            else if (review.On > today)
            {
                Add(language, "reviewed", $"{review.On:yyyy-MM-dd} is in the future");
            }
            else if (review.By.Length == 0)
            {
                Add(language, "reviewed", "'by' (who reviewed the facts in this language) is missing");
            }

            CheckLanguage(topic, language, directory, Add);
        }

        foreach (var extra in topic.Title.Keys.Concat(topic.Answer.Keys).Concat(topic.Questions.Keys).Distinct().Where(k => !Language.IsSupported(k)))
        {
            Add(extra, null, $"'{extra}' is not a language code ({string.Join(", ", Language.All)})");
        }
    }

    private static void CheckLanguage(Topic topic, string language, LocalDirectory directory, Action<string?, string?, string> add)
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
            var shown = CyrillicTransliterator.StripLatinMarks(SourceMarkers.Strip(answer));
            if (shown.Length > MaxAnswerLength)
            {
                add(language, "answer", $"{shown.Length} characters, at most {MaxAnswerLength} (move the rest to details)");
            }

            CheckText(answer, "answer", topic, language, directory, add);
        }

        if (topic.Details.Count > 0 && !HasText(topic.Details, language))
        {
            add(language, "details", "missing (details, when present, are needed in every language)");
        }
        else if (topic.Details.Count > 0)
        {
            CheckText(topic.Details[language], "details", topic, language, directory, add);
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

    private static void CheckText(string text, string field, Topic topic, string language, LocalDirectory directory, Action<string?, string?, string> add)
    {
        foreach (var unknown in OfficePlaceholders.Unknown(text))
        {
            add(language, field, $"unknown placeholder {{{unknown}}}");
        }

        foreach (var unknown in DirectoryPlaceholders.Unknown(text, directory))
        {
            add(language, field, $"unknown directory placeholder {unknown} (no such entry or field in directory.yaml)");
        }

        foreach (var problem in SourceMarkers.Problems(text, topic.Sources.Count))
        {
            add(language, field, problem);
        }
    }

    private static void CheckDirectory(LocalDirectory directory, List<ContentProblem> problems)
    {
        foreach (var entry in directory.Entries)
        {
            void Add(string? language, string field, string message) =>
                problems.Add(new ContentProblem("directory.yaml", entry.Id.Length == 0 ? null : entry.Id, language, field, message));

            if (!DirectoryId().IsMatch(entry.Id))
            {
                Add(null, "id", $"'{entry.Id}' must be lower-case letters, digits and '-'");
            }

            if (directory.Entries.Count(e => e.Id == entry.Id) > 1 && directory.Entries.First(e => e.Id == entry.Id) != entry)
            {
                Add(null, "id", "used by another entry too");
            }

            if (entry.Source is null || !IsHttps(entry.Source))
            {
                Add(null, "source", entry.Source is null ? "missing (an https URL the fields come from)" : $"'{entry.Source}' is not an https URL");
            }

            if (entry.Map is not null && !IsHttps(entry.Map))
            {
                Add(null, "map", $"'{entry.Map}' is not an https URL");
            }

            foreach (var language in Language.All.Where(l => string.IsNullOrWhiteSpace(entry.Names.GetValueOrDefault(l))))
            {
                Add(language, "names", "missing");
            }

            // Each field goes into every answer naming the entry: a paste gone wrong must not reach people.
            var fields = new (string? Language, string Field, string? Value)[]
            {
                (null, "address", entry.Address), (null, "hours", entry.Hours), (null, "phone", entry.Phone),
                (null, "email", entry.Email), (null, "map", entry.Map), (null, "source", entry.Source),
            };
            foreach (var (language, field, value) in fields.Concat(entry.Names.Select(n => ((string?)n.Key, "names", (string?)n.Value))))
            {
                if (value?.Length > MaxDirectoryFieldLength)
                {
                    Add(language, field, $"{value.Length} characters, at most {MaxDirectoryFieldLength}");
                }
            }
        }
    }

    private static bool IsHttps(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex DirectoryId();

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
        if (intents.FirstSteps.Count > 0)
        {
            sections.Add(("first-steps", intents.FirstSteps));
        }

        sections.AddRange(intents.EmergencyByKind.Select(k => (IntentCues.EmergencyKindPrefix + k.Key, k.Value)));
        foreach (var (kind, cues) in sections)
        {
            foreach (var language in Language.All.Where(l => (cues.GetValueOrDefault(l) ?? []).Count == 0))
            {
                problems.Add(new ContentProblem("intents.yaml", null, language, kind, "no cue phrases"));
            }
        }
    }

    // A word asked back offers two topics or more that exist, and is asked back only when it is the whole message: as a
    // phrase cue it would take over every question that says it ("kako podaljšam dovoljenje").
    private static void CheckAskBack(IntentCues intents, HashSet<string> ids, List<ContentProblem> problems)
    {
        foreach (var section in intents.AskBack)
        {
            var kind = IntentCues.AskBackPrefix + section.Name;
            void Add(string? language, string message) => problems.Add(new ContentProblem("intents.yaml", null, language, kind, message));

            if (section.Topics.Distinct(StringComparer.Ordinal).Count() < 2)
            {
                Add(null, "needs two topics or more under 'topics'");
            }

            foreach (var unknown in section.Topics.Where(t => !ids.Contains(t)))
            {
                Add(null, $"unknown topic '{unknown}'");
            }

            foreach (var language in Language.All.Where(l => (section.Cues.GetValueOrDefault(l) ?? []).Count == 0))
            {
                Add(language, "no cue phrases");
            }

            foreach (var (language, cues) in section.Cues)
            {
                foreach (var cue in cues.Where(c => !c.StartsWith('=')))
                {
                    Add(language, $"'{cue}' must be a whole-message cue ('= {cue}')");
                }
            }
        }
    }

    private static bool HasText(IReadOnlyDictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text);
}
