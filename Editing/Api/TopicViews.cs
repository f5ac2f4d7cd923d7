using IntegrationBot.Editing.Content;
using IntegrationBot.Editing.Store;
using IntegrationBot.Handoff.Dashboard;

namespace IntegrationBot.Editing.Api;

/// <summary>The JSON shapes of /api/knowledge (see docs/api.md); field names are the contract.</summary>
public static class TopicViews
{
    /// <summary>One language in the browse list.</summary>
    public sealed record LanguageSummary(string Status, DateOnly? Reviewed, string? Reviewer, bool Stale);

    /// <summary>
    /// One topic in the browse list; <see cref="Retired"/> is the latest version's mark, <see cref="Live"/> whether people
    /// are answered with the topic now (false for a new topic not yet published and a published retirement); <see cref="Asked"/>, <see cref="Helpful"/> and <see cref="NotHelpful"/> count the
    /// last 30 days (questions answered with the topic, 👍, 👎), from aggregate counters without personal data.
    /// </summary>
    public sealed record TopicSummary(
        string Id, string Category, bool Retired, bool Live, IReadOnlyDictionary<string, LanguageSummary> Languages, int Asked, int Helpful, int NotHelpful);

    /// <summary>One language of a topic, as read and (title … keywords) as written by PUT.</summary>
    public sealed record LanguageView(
        string Title, string Answer, string? Details, IReadOnlyList<string> Questions, IReadOnlyList<string> Keywords,
        string Status, DateOnly? Reviewed, string? Reviewer);

    /// <summary>A whole topic; <see cref="Version"/> is the number of its latest version (0 when never edited).</summary>
    public sealed record TopicView(
        string Id, string Category, IReadOnlyList<string> Sources, IReadOnlyList<string> Flags, IReadOnlyList<string> Related,
        bool Retired, bool Live, int Version, IReadOnlyDictionary<string, LanguageView> Languages);

    /// <summary>One entry of a topic's history.</summary>
    public sealed record VersionSummary(int Version, string Author, DateTimeOffset At, string Change, string? Language, bool Published);

    /// <summary>The body of POST …/revert.</summary>
    public sealed record RevertRequest(int? Version);

    /// <summary>The body of POST /api/knowledge/topics: a new topic's id, category and sources.</summary>
    public sealed record CreateRequest(string? Id, string? Category, IReadOnlyList<string?>? Sources);

    public static TopicSummary Summary(TopicContent latest, TopicContent? published, DateOnly staleBefore, TopicUsage usage) => new(
        latest.Id,
        latest.Category,
        latest.Retired,
        IsLive(published),
        latest.Languages.ToDictionary(
            p => p.Key,
            p => new LanguageSummary(LanguageStatus.Of(p.Key, latest, published), p.Value.Reviewed, p.Value.Reviewer, p.Value.Reviewed is not { } date || date < staleBefore),
            StringComparer.Ordinal),
        usage.Asked,
        usage.Helpful,
        usage.NotHelpful);

    public static TopicView Topic(TopicContent content, TopicContent? published, int version) => new(
        content.Id,
        content.Category,
        content.Sources,
        content.Flags,
        content.Related,
        content.Retired,
        IsLive(published),
        version,
        content.Languages.ToDictionary(
            p => p.Key,
            p => new LanguageView(p.Value.Title, p.Value.Answer, p.Value.Details, p.Value.Questions, p.Value.Keywords,
                LanguageStatus.Of(p.Key, content, published), p.Value.Reviewed, p.Value.Reviewer),
            StringComparer.Ordinal));

    private static bool IsLive(TopicContent? published) => published is { Retired: false };

    public static VersionSummary Version(TopicVersion version, int? published) =>
        new(version.Version, version.Author, version.At, version.Change, version.Language, version.Version == published);
}
