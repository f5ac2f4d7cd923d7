using IntegrationBot.Editing.Content;
using IntegrationBot.Editing.Store;

namespace IntegrationBot.Editing.Editor;

/// <summary>The topic-wide changes: settings, retiring and restoring. Each is a new draft version, live once published.</summary>
public sealed partial class KnowledgeEditor
{
    /// <summary>
    /// Saves category, sources, flags and related topics as a new draft version. Any editor may (they are not a
    /// language's text); refused with <c>kb check</c>'s words when the change makes a problem the topic did not have.
    /// </summary>
    public async Task<EditResult> SaveSettingsAsync(string topicId, TopicSettings settings, EditorIdentity editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var latest = await store.LatestAsync(topicId, cancellationToken);
        if ((latest?.Content ?? Shipped(topicId)) is not { } current)
        {
            return EditResult.NotFound;
        }

        var edited = current with
        {
            Category = settings.Category?.Trim() ?? current.Category,
            Sources = settings.Sources is null ? current.Sources : Clean(settings.Sources),
            Flags = settings.Flags is null ? current.Flags : Clean(settings.Flags),
            Related = settings.Related is null ? current.Related : Clean(settings.Related),
        };
        // Only new problems: a topic still being written (a new one) may lack languages, which is no settings' fault,
        // but fewer sources than an answer cites, or an unknown flag, is.
        var before = Check(current, _ => true).ToHashSet(StringComparer.Ordinal);
        var problems = Check(edited, _ => true).Where(p => !before.Contains(p)).ToList();
        return problems.Count > 0
            ? EditResult.Invalid(problems)
            : await AppendAsync(topicId, latest, edited, editor.Name, TopicChange.Settings, null, cancellationToken);
    }

    /// <summary>
    /// Retires the topic as a new draft version: once published it is no longer answered, searched, in the menu or in
    /// the export, on every instance. Refused with <c>kb check</c>'s words when the content would not pass without it
    /// (a required topic, or another topic lists it as related).
    /// </summary>
    public async Task<EditResult> RetireAsync(string topicId, EditorIdentity editor, CancellationToken cancellationToken)
    {
        var latest = await store.LatestAsync(topicId, cancellationToken);
        if ((latest?.Content ?? Shipped(topicId)) is not { } current)
        {
            return EditResult.NotFound;
        }

        if (current.Retired)
        {
            return EditResult.Invalid($"topics/{topicId}.yaml: topic={topicId}: already retired");
        }

        var problems = RetireProblems(topicId);
        return problems.Count > 0
            ? EditResult.Invalid(problems)
            : await AppendAsync(topicId, latest, current with { Retired = true }, editor.Name, TopicChange.Retire, null, cancellationToken);
    }

    /// <summary>Brings a retired topic back as a new draft version; publishing it (which runs <c>kb check</c>) makes it answered again.</summary>
    public async Task<EditResult> RestoreAsync(string topicId, EditorIdentity editor, CancellationToken cancellationToken)
    {
        var latest = await store.LatestAsync(topicId, cancellationToken);
        if (latest is null)
        {
            return Shipped(topicId) is null ? EditResult.NotFound : EditResult.Invalid($"topics/{topicId}.yaml: topic={topicId}: not retired");
        }

        return latest.Content.Retired
            ? await AppendAsync(topicId, latest, latest.Content with { Retired = false }, editor.Name, TopicChange.Restore, null, cancellationToken)
            : EditResult.Invalid($"topics/{topicId}.yaml: topic={topicId}: not retired");
    }

    // kb check over the live content without the topic: what it would say about the id's absence.
    private List<string> RetireProblems(string topicId) => Check(engine.Catalog.WithoutTopic(topicId), topicId, _ => true);

    private static List<string> Clean(IReadOnlyList<string?> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal)];
}
