using IntegrationBot.Knowledge.Content;

namespace IntegrationBot.Editing.Institutions;

/// <summary>
/// One saved version of a local directory entry (versions count 1, 2, 3 … per entry): who saved it, when, and the whole
/// entry. The latest version of an entry is the live one: a directory change is published as it is saved.
/// </summary>
public sealed record DirectoryEntryVersion(string EntryId, int Version, string Author, DateTimeOffset At, DirectoryEntry Entry);
