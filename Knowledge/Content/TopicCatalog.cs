using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IntegrationBot.Knowledge.Content;

/// <summary>
/// The loaded knowledge base: topics from <c>topics/*.yaml</c> and intent cues from <c>intents.yaml</c>.
/// Files that cannot be parsed are reported in <see cref="LoadProblems"/> instead of throwing, so one broken
/// file does not take the bot down and <c>kb check</c> can say exactly where the problem is.
/// </summary>
public sealed class TopicCatalog
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(LowerCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private readonly Dictionary<string, Topic> byId;

    public TopicCatalog(IEnumerable<Topic> topics, IntentCues intents, IEnumerable<ContentProblem>? loadProblems = null, LocalDirectory? directory = null)
    {
        Directory = directory ?? LocalDirectory.Empty;
        Topics = [.. topics];
        byId = new Dictionary<string, Topic>(StringComparer.Ordinal);
        foreach (var topic in Topics)
        {
            byId.TryAdd(topic.Id, topic);
        }

        Intents = intents;
        LoadProblems = [.. loadProblems ?? []];
    }

    /// <summary>Where the shipped content is: <c>content</c> next to the running assembly.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "content");

    public IReadOnlyList<Topic> Topics { get; }

    public IntentCues Intents { get; }

    /// <summary>The local directory of institutions (<c>directory.yaml</c>), empty when the file is absent.</summary>
    public LocalDirectory Directory { get; }

    public IReadOnlyList<ContentProblem> LoadProblems { get; }

    /// <summary>The topic with this id, or null.</summary>
    public Topic? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>This catalog with <paramref name="topic"/> added, or in place of the topic with its id; the other topics are the same instances.</summary>
    public TopicCatalog WithTopic(Topic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var topics = Topics.Select(t => t.Id == topic.Id ? topic : t).ToList();
        if (!byId.ContainsKey(topic.Id))
        {
            topics.Add(topic);
        }

        return WithTopics(topics);
    }

    /// <summary>This catalog without the topic <paramref name="id"/> (a retired topic).</summary>
    public TopicCatalog WithoutTopic(string id) => WithTopics(Topics.Where(t => t.Id != id));

    /// <summary>This catalog with <paramref name="entry"/> in the local directory (in place of the entry with its id); the topics are the same instances.</summary>
    public TopicCatalog WithDirectoryEntry(DirectoryEntry entry) => new(Topics, Intents, LoadProblems, Directory.With(entry));

    // Everything but the topics stays as loaded (intent cues, load problems, the local directory).
    private TopicCatalog WithTopics(IEnumerable<Topic> topics) => new(topics, Intents, LoadProblems, Directory);

    /// <summary>Loads the shipped content from <see cref="DefaultDirectory"/>.</summary>
    public static TopicCatalog LoadDefault() => LoadFromDirectory(DefaultDirectory);

    /// <summary>
    /// Loads a content directory (the folder holding <c>topics/</c> and <c>intents.yaml</c>). A path to the
    /// <c>topics</c> folder itself is accepted too.
    /// </summary>
    public static TopicCatalog LoadFromDirectory(string path)
    {
        var root = Path.GetFullPath(path);
        var topicsDirectory = Path.Combine(root, "topics");
        if (!System.IO.Directory.Exists(topicsDirectory) && System.IO.Directory.Exists(root) && Path.GetFileName(root) == "topics")
        {
            topicsDirectory = root;
            root = Path.GetDirectoryName(root) ?? root;
        }

        var problems = new List<ContentProblem>();
        var topics = new List<Topic>();
        if (!System.IO.Directory.Exists(topicsDirectory))
        {
            problems.Add(new ContentProblem(topicsDirectory, null, null, null, "topics directory not found"));
        }
        else
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(topicsDirectory, "*.yaml").Order(StringComparer.Ordinal))
            {
                var topic = LoadTopic(file, Relative(root, file), problems);
                if (topic is not null)
                {
                    topics.Add(topic);
                }
            }
        }

        var intents = LoadIntents(Path.Combine(root, "intents.yaml"), problems);
        var directory = LoadDirectory(Path.Combine(root, LocalDirectory.FileName), problems);
        return new TopicCatalog(topics, intents, problems, directory);
    }

    private static Topic? LoadTopic(string file, string relative, List<ContentProblem> problems)
    {
        TopicFile? parsed;
        try
        {
            parsed = Yaml.Deserialize<TopicFile>(File.ReadAllText(file));
        }
        catch (YamlException e)
        {
            problems.Add(new ContentProblem(relative, Path.GetFileNameWithoutExtension(file), null, null,
                $"YAML error at line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}"));
            return null;
        }

        if (parsed is null)
        {
            problems.Add(new ContentProblem(relative, Path.GetFileNameWithoutExtension(file), null, null, "file is empty"));
            return null;
        }

        var reviews = Reviews(parsed.Reviewed, relative, parsed.Id, problems);
        DateOnly? reviewed = reviews.Count == 0 ? null : reviews.Values.Min(r => r.On);

        return new Topic(
            Id: parsed.Id?.Trim() ?? string.Empty,
            Category: parsed.Category?.Trim() ?? string.Empty,
            Flags: Clean(parsed.Flags),
            Related: Clean(parsed.Related),
            Reviewed: reviewed,
            Sources: Clean(parsed.Sources),
            Title: Texts(parsed.Title),
            Answer: Texts(parsed.Answer),
            Details: Texts(parsed.Details),
            Questions: Lists(parsed.Questions),
            Keywords: Lists(parsed.Keywords),
            SourceFile: relative)
        {
            Reviews = reviews,
        };
    }

    private static Dictionary<string, TopicReview> Reviews(object? raw, string relative, string? id, List<ContentProblem> problems)
    {
        var reviews = new Dictionary<string, TopicReview>(StringComparer.Ordinal);
        if (raw is null)
        {
            return reviews;
        }

        if (raw is not IDictionary<object, object> perLanguage)
        {
            problems.Add(new ContentProblem(relative, id, null, "reviewed", "must be per language: <lang>: {on: yyyy-mm-dd, by: reviewer}"));
            return reviews;
        }

        foreach (var (key, value) in perLanguage)
        {
            var language = key.ToString()?.Trim() ?? string.Empty;
            var fields = value as IDictionary<object, object>;
            var on = fields?.TryGetValue("on", out var onValue) == true ? onValue?.ToString()?.Trim() : null;
            var by = fields?.TryGetValue("by", out var byValue) == true ? byValue?.ToString()?.Trim() : null;
            if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add(new ContentProblem(relative, id, language, "reviewed", $"'on' must be a date (yyyy-mm-dd), got '{on}'"));
                continue;
            }

            // A missing reviewer is the validator's to report (kb check), like every other missing field.
            reviews[language] = new TopicReview(date, by ?? string.Empty);
        }

        return reviews;
    }

    private static IntentCues LoadIntents(string file, List<ContentProblem> problems)
    {
        if (!File.Exists(file))
        {
            return IntentCues.Empty;
        }

        try
        {
            var parsed = Yaml.Deserialize<Dictionary<string, Dictionary<string, List<string?>?>?>?>(File.ReadAllText(file));
            return new IntentCues(
                Lists(parsed?.GetValueOrDefault("handoff")),
                Lists(parsed?.GetValueOrDefault("emergency")),
                Lists(parsed?.GetValueOrDefault("greeting")),
                Lists(parsed?.GetValueOrDefault("thanks")))
            {
                Frustration = Lists(parsed?.GetValueOrDefault("frustration")),
                FirstSteps = Lists(parsed?.GetValueOrDefault("first-steps")),
                EmergencyByKind = (parsed ?? []).Where(p => p.Key.StartsWith(IntentCues.EmergencyKindPrefix, StringComparison.Ordinal))
                    .ToDictionary(p => p.Key[IntentCues.EmergencyKindPrefix.Length..], p => (IReadOnlyDictionary<string, IReadOnlyList<string>>)Lists(p.Value), StringComparer.Ordinal),
                AskBack = [.. (parsed ?? []).Where(p => p.Key.StartsWith(IntentCues.AskBackPrefix, StringComparison.Ordinal)).Select(p => AskBack(p.Key, Lists(p.Value)))],
            };
        }
        catch (YamlException e)
        {
            problems.Add(new ContentProblem(Path.GetFileName(file), null, null, null,
                $"YAML error at line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}"));
            return IntentCues.Empty;
        }
    }

    // An ask-back section: its topics under "topics", the cues under each language.
    private static AskBackCues AskBack(string key, Dictionary<string, IReadOnlyList<string>> section) => new(
        key[IntentCues.AskBackPrefix.Length..],
        section.GetValueOrDefault(IntentCues.AskBackTopicsKey) ?? [],
        section.Where(p => p.Key != IntentCues.AskBackTopicsKey).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    private static LocalDirectory LoadDirectory(string file, List<ContentProblem> problems)
    {
        if (!File.Exists(file))
        {
            return LocalDirectory.Empty;
        }

        try
        {
            var parsed = Yaml.Deserialize<List<DirectoryEntryFile?>?>(File.ReadAllText(file)) ?? [];
            return new LocalDirectory(parsed.OfType<DirectoryEntryFile>().Select(e => new DirectoryEntry(
                e.Id?.Trim() ?? string.Empty,
                e.Confirmed,
                Texts(e.Names).ToDictionary(p => p.Key, p => p.Value.Trim(), StringComparer.Ordinal),
                Blank(e.Address),
                Blank(e.Hours),
                Blank(e.Phone),
                Blank(e.Email),
                Blank(e.Map),
                Blank(e.Source))));
        }
        catch (YamlException e)
        {
            problems.Add(new ContentProblem(Path.GetFileName(file), null, null, null,
                $"YAML error at line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}"));
            return LocalDirectory.Empty;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    private static List<string> Clean(List<string>? values) =>
        values is null ? [] : [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];

    private static Dictionary<string, string> Texts(Dictionary<string, string?>? map) =>
        map is null ? [] : map.Where(p => p.Value is not null).ToDictionary(p => p.Key.Trim(), p => p.Value!, StringComparer.Ordinal);

    private static Dictionary<string, IReadOnlyList<string>> Lists(Dictionary<string, List<string?>?>? map) =>
        map is null ? [] : map.ToDictionary(
            p => p.Key.Trim(),
            p => (IReadOnlyList<string>)[.. (p.Value ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())],
            StringComparer.Ordinal);
}
