using IntegrationBot.Editing.Editor;

namespace IntegrationBot.Editing.Institutions;

/// <summary>The outcome of a directory edit: the version written (when done) or why nothing was written (<see cref="Problems"/> as <c>kb check</c> words them).</summary>
public sealed record DirectoryEditResult(EditStatus Status, DirectoryEntryVersion? Version = null, IReadOnlyList<string>? Problems = null);
