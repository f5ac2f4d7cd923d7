namespace IntegrationBot.Editing.Institutions;

/// <summary>
/// The office's edits of the local directory: every saved version of every edited entry. Entries never edited are not
/// stored; they are the shipped <c>directory.yaml</c>.
/// </summary>
public interface IDirectoryEntryStore
{
    /// <summary>
    /// Adds <paramref name="version"/> and makes it the live one (PostgreSQL: tells every other instance in the same
    /// transaction); false when a version with its number exists already (a concurrent save won).
    /// </summary>
    Task<bool> AppendAsync(DirectoryEntryVersion version, CancellationToken cancellationToken);

    Task<DirectoryEntryVersion?> LatestAsync(string entryId, CancellationToken cancellationToken);

    /// <summary>Every version of the entry, oldest first.</summary>
    Task<IReadOnlyList<DirectoryEntryVersion>> VersionsAsync(string entryId, CancellationToken cancellationToken);

    /// <summary>The latest version of every edited entry.</summary>
    Task<IReadOnlyList<DirectoryEntryVersion>> LatestOfEachAsync(CancellationToken cancellationToken);
}
