using IntegrationBot.Editing.Editor;
using IntegrationBot.Editing.Live;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Retrieval;
using IntegrationBot.Knowledge.Validation;

namespace IntegrationBot.Editing.Institutions;

/// <summary>
/// Edits the local directory: a save is checked by <c>kb check</c>'s own <see cref="KnowledgeValidator"/> against the
/// live content, stored as a new version (the first edit of a shipped entry first keeps the shipped entry as version 1)
/// and is live at once. There is no draft: an entry is a handful of facts with no translations to review, and the
/// office needs a moved office or a new phone number to reach people now.
/// </summary>
public sealed class DirectoryEditor(KnowledgeEngine engine, IDirectoryEntryStore store, LiveKnowledge live, TimeProvider time)
{
    /// <summary>Every live entry with its latest stored version (null when never edited here), in file order.</summary>
    public async Task<IReadOnlyList<(DirectoryEntry Entry, DirectoryEntryVersion? Version)>> ListAsync(CancellationToken cancellationToken)
    {
        var versions = (await store.LatestOfEachAsync(cancellationToken)).ToDictionary(v => v.EntryId, StringComparer.Ordinal);
        return [.. engine.Catalog.Directory.Entries.DistinctBy(e => e.Id).Select(e => (e, versions.GetValueOrDefault(e.Id)))];
    }

    /// <summary>The live entry and its latest stored version, or null when there is no such entry.</summary>
    public async Task<(DirectoryEntry Entry, DirectoryEntryVersion? Version)?> GetAsync(string id, CancellationToken cancellationToken) =>
        engine.Catalog.Directory.Find(id) is { } entry ? (entry, await store.LatestAsync(id, cancellationToken)) : null;

    public Task<IReadOnlyList<DirectoryEntryVersion>> VersionsAsync(string id, CancellationToken cancellationToken) => store.VersionsAsync(id, cancellationToken);

    /// <summary>
    /// Saves and publishes <paramref name="entry"/>. Names are per language: an editor may change only the names of the
    /// languages they are registered for; the other fields (address, hours, phone, e-mail, map, source, confirmed) are
    /// the same in every language and any editor may change them.
    /// </summary>
    public async Task<DirectoryEditResult> SaveAsync(DirectoryEntry entry, EditorIdentity editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (engine.Catalog.Directory.Find(entry.Id) is not { } current)
        {
            return new DirectoryEditResult(EditStatus.NotFound);
        }

        if (Language.All.Any(l => !editor.MayEdit(l) && current.Names.GetValueOrDefault(l, "") != entry.Names.GetValueOrDefault(l, "")))
        {
            return new DirectoryEditResult(EditStatus.Forbidden);
        }

        var problems = new KnowledgeValidator(time).Validate(engine.Catalog.WithDirectoryEntry(entry))
            .Where(p => p.File == LocalDirectory.FileName && p.Topic == entry.Id)
            .Select(p => p.ToString())
            .ToList();
        if (problems.Count > 0)
        {
            return new DirectoryEditResult(EditStatus.Invalid, Problems: problems);
        }

        var now = time.GetUtcNow();
        var latest = await store.LatestAsync(entry.Id, cancellationToken);
        if (latest is null && !await store.AppendAsync(new DirectoryEntryVersion(entry.Id, 1, KnowledgeEditor.ShippedAuthor, now, current), cancellationToken))
        {
            return new DirectoryEditResult(EditStatus.Conflict);
        }

        var version = new DirectoryEntryVersion(entry.Id, (latest?.Version ?? 1) + 1, editor.Name, now, entry);
        if (!await store.AppendAsync(version, cancellationToken))
        {
            return new DirectoryEditResult(EditStatus.Conflict);
        }

        await live.ApplyDirectoryEntryAsync(entry, cancellationToken);
        return new DirectoryEditResult(EditStatus.Done, version);
    }
}
