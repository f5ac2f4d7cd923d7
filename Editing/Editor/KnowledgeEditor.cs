using IntegrationBot.Editing.Content;
using IntegrationBot.Editing.Live;
using IntegrationBot.Editing.Store;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Knowledge.Validation;

namespace IntegrationBot.Editing.Editor;

/// <summary>
/// Edits the knowledge base: every save is a new version in the store (the first edit of a shipped topic first keeps
/// the shipped text as version 1), checked by <c>kb check</c>'s own <see cref="KnowledgeValidator"/> against the live
/// content; publishing makes a version live at once; reverting restores and publishes an earlier version.
/// </summary>
public sealed partial class KnowledgeEditor(KnowledgeEngine engine, ITopicContentStore store, LiveKnowledge live, TimeProvider time)
{
    /// <summary>The author of version 1 of a topic first edited here: the YAML shipped with the release.</summary>
    public const string ShippedAuthor = "shipped";

    /// <summary>The latest content of the topic (the draft), or null when there is no such topic.</summary>
    public async Task<TopicContent?> CurrentAsync(string topicId, CancellationToken cancellationToken) =>
        (await store.LatestAsync(topicId, cancellationToken))?.Content ?? Shipped(topicId);

    /// <summary>The content people are answered from: the published version, else the shipped topic.</summary>
    public async Task<TopicContent?> PublishedAsync(string topicId, CancellationToken cancellationToken) =>
        (await store.PublishedAsync(topicId, cancellationToken))?.Content ?? Shipped(topicId);

    /// <summary>Every topic, latest and published content side by side, ordered by id.</summary>
    public async Task<IReadOnlyList<(TopicContent Latest, TopicContent? Published)>> ListAsync(CancellationToken cancellationToken)
    {
        var latest = (await store.LatestOfEachAsync(cancellationToken)).ToDictionary(v => v.TopicId, v => v.Content, StringComparer.Ordinal);
        var published = (await store.PublishedOfEachAsync(cancellationToken)).ToDictionary(v => v.TopicId, v => v.Content, StringComparer.Ordinal);
        var ids = engine.Catalog.Topics.Select(t => t.Id).Concat(latest.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return
        [
            .. ids.Select(id => (latest.GetValueOrDefault(id) ?? Shipped(id)!, published.GetValueOrDefault(id) ?? Shipped(id))),
        ];
    }

    /// <summary>
    /// The number of the version people get: the last one published from the console, else the shipped one (its first
    /// version, kept when the topic was first edited); null for a topic made in the console and never published.
    /// </summary>
    public async Task<int?> PublishedVersionAsync(string topicId, CancellationToken cancellationToken) =>
        (await store.PublishedAsync(topicId, cancellationToken))?.Version
        ?? (await store.VersionsAsync(topicId, cancellationToken)).FirstOrDefault(v => v.Author == ShippedAuthor)?.Version;

    public Task<IReadOnlyList<TopicVersion>> VersionsAsync(string topicId, CancellationToken cancellationToken) =>
        store.VersionsAsync(topicId, cancellationToken);

    public Task<TopicVersion?> VersionAsync(string topicId, int version, CancellationToken cancellationToken) =>
        store.GetAsync(topicId, version, cancellationToken);

    /// <summary>
    /// Saves one language as a new draft version. A change to title, answer or details marks every other language whose
    /// text is still the published one as needing review, so translations never silently drift apart.
    /// </summary>
    public async Task<EditResult> SaveLanguageAsync(string topicId, string language, LanguageContent text, EditorIdentity editor, CancellationToken cancellationToken)
    {
        if (!Language.IsSupported(language))
        {
            return EditResult.Invalid($"'{language}' is not a language code ({string.Join(", ", Language.All)})");
        }

        if (!editor.MayEdit(language))
        {
            return EditResult.Forbidden;
        }

        var latest = await store.LatestAsync(topicId, cancellationToken);
        var current = latest?.Content ?? Shipped(topicId);
        if (current is null)
        {
            return EditResult.NotFound;
        }

        var before = current.In(language);
        var saved = text with
        {
            NeedsReview = false,
            Reviewed = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            Reviewer = editor.Name,
            Extra = text.Extra ?? before?.Extra,
        };
        var published = await PublishedAsync(topicId, cancellationToken);
        var languages = current.Languages.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        languages[language] = saved;
        // Sample questions and keywords are per language (how people ask there), not translations of each other.
        if (!saved.SameMeaningAs(before))
        {
            foreach (var (other, content) in current.Languages.Where(p => p.Key != language))
            {
                if (content.SameTextAs(published?.In(other)))
                {
                    languages[other] = content with { NeedsReview = true };
                }
            }
        }

        var edited = current with { Languages = languages };
        var problems = Check(edited, p => p.Language is null || p.Language == language);
        if (problems.Count > 0)
        {
            // Topic-wide problems the topic had before (a topic added without sources yet) are the settings' to fix, not
            // this language's: publish still refuses them.
            var had = Check(current, p => p.Language is null).ToHashSet(StringComparer.Ordinal);
            problems.RemoveAll(had.Contains);
        }
        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        return await AppendAsync(topicId, latest, edited, editor.Name, TopicChange.Edit, language, cancellationToken);
    }

    /// <summary>
    /// Adds <paramref name="question"/> to the topic's sample questions in <paramref name="language"/> (a question people
    /// asked that found nothing). Published at once when the topic had no other unpublished changes, so one click
    /// teaches the bot; otherwise it joins the pending draft.
    /// </summary>
    public async Task<(EditResult Result, bool Published)> AddSampleQuestionAsync(
        string topicId, string language, string question, EditorIdentity editor, CancellationToken cancellationToken)
    {
        var latest = await store.LatestAsync(topicId, cancellationToken);
        var current = latest?.Content ?? Shipped(topicId);
        if (current is null)
        {
            return (EditResult.NotFound, false);
        }

        var pending = latest is not null && latest.Version != (await store.PublishedAsync(topicId, cancellationToken))?.Version;
        var text = current.In(language) ?? new LanguageContent();
        var trimmed = question.Trim();
        var questions = text.Questions.Contains(trimmed, StringComparer.Ordinal) ? text.Questions : [.. text.Questions, trimmed];
        var saved = await SaveLanguageAsync(topicId, language, text with { Questions = questions }, editor, cancellationToken);
        if (saved.Status != EditStatus.Done || pending)
        {
            return (saved, false);
        }

        var published = await PublishAsync(topicId, editor, cancellationToken);
        return published.Status == EditStatus.Done ? (published, true) : (saved, false);
    }

    /// <summary>
    /// Starts a new topic (not yet published) with its sources and, when it comes from the question backlog, one
    /// sample question in one language. Its languages are then written with <see cref="SaveLanguageAsync"/>.
    /// </summary>
    public async Task<EditResult> CreateTopicAsync(
        string topicId, string category, IReadOnlyList<string> sources, string? language, string? question, EditorIdentity editor, CancellationToken cancellationToken)
    {
        if (!TopicIds.IsValid(topicId) || !TopicCategory.IsValid(category) || (language is not null && !Language.IsSupported(language)))
        {
            return EditResult.Invalid($"id must be lower-case words joined by '-', category one of {string.Join(", ", TopicCategory.All)}, language one of {string.Join(", ", Language.All)}");
        }

        if (language is not null && !editor.MayEdit(language))
        {
            return EditResult.Forbidden;
        }

        if (Shipped(topicId) is not null || await store.LatestAsync(topicId, cancellationToken) is not null)
        {
            return EditResult.Conflict;
        }

        var languages = new Dictionary<string, LanguageContent>(StringComparer.Ordinal);
        if (language is not null && !string.IsNullOrWhiteSpace(question))
        {
            languages[language] = new() { Questions = [question.Trim()] };
        }

        var content = new TopicContent { Id = topicId, Category = category, Sources = [.. sources.Select(s => s.Trim())], Languages = languages };
        // Only the sources can be wrong here; the languages are still to be written.
        var problems = Check(content, p => p.Language is null && p.Field == "sources" && content.Sources.Count > 0);
        return problems.Count > 0
            ? EditResult.Invalid(problems)
            : await AppendAsync(topicId, null, content, editor.Name, TopicChange.Create, language, cancellationToken);
    }

    /// <summary>Makes the latest version live on every instance; refused (with <c>kb check</c>'s problems) unless the whole topic is valid.</summary>
    public async Task<EditResult> PublishAsync(string topicId, EditorIdentity editor, CancellationToken cancellationToken)
    {
        var latest = await store.LatestAsync(topicId, cancellationToken);
        if (latest is null)
        {
            return Shipped(topicId) is null ? EditResult.NotFound : EditResult.Invalid("nothing to publish: the topic has no edits");
        }

        // A retirement is checked as kb check would see the content without the topic (required ids, related links).
        var problems = latest.Content.Retired ? RetireProblems(topicId) : Check(latest.Content, _ => true);
        if (problems.Count > 0)
        {
            return EditResult.Invalid(problems);
        }

        if (!await store.PublishAsync(topicId, latest.Version, cancellationToken))
        {
            return EditResult.Conflict;
        }

        await live.RefreshAsync(topicId, cancellationToken);
        return EditResult.Done(latest);
    }

    /// <summary>Restores the content of <paramref name="version"/> as a new version and publishes it.</summary>
    public async Task<EditResult> RevertAsync(string topicId, int version, EditorIdentity editor, CancellationToken cancellationToken)
    {
        var target = await store.GetAsync(topicId, version, cancellationToken);
        if (target is null)
        {
            return EditResult.NotFound;
        }

        var latest = await store.LatestAsync(topicId, cancellationToken);
        var appended = await AppendAsync(topicId, latest, target.Content, editor.Name, TopicChange.Revert, null, cancellationToken);
        return appended.Status == EditStatus.Done ? await PublishAsync(topicId, editor, cancellationToken) : appended;
    }

    private async Task<EditResult> AppendAsync(
        string topicId, TopicVersion? latest, TopicContent content, string author, string change, string? language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var number = latest?.Version ?? 0;
        if (latest is null && Shipped(topicId) is { } shipped
            && !await store.AppendAsync(new TopicVersion(topicId, ++number, ShippedAuthor, now, TopicChange.Create, null, shipped), cancellationToken))
        {
            return EditResult.Conflict;
        }

        var version = new TopicVersion(topicId, number + 1, author, now, change, language, content);
        return await store.AppendAsync(version, cancellationToken) ? EditResult.Done(version) : EditResult.Conflict;
    }

    // kb check over the live content with this topic in place: the same rules and words as on the command line.
    private List<string> Check(TopicContent content, Func<ContentProblem, bool> relevant) =>
        Check(engine.Catalog.WithTopic(TopicContentMapper.ToTopic(content)), content.Id, relevant);

    private List<string> Check(TopicCatalog catalog, string topicId, Func<ContentProblem, bool> relevant) =>
    [
        .. new KnowledgeValidator(time).Validate(catalog)
            .Where(p => p.Topic == topicId || p.Message.Contains($"'{topicId}'", StringComparison.Ordinal))
            .Where(relevant)
            .Select(p => p.ToString()),
    ];

    private TopicContent? Shipped(string topicId) =>
        engine.Catalog.Find(topicId) is { } topic ? TopicContentMapper.FromTopic(topic) : null;
}
