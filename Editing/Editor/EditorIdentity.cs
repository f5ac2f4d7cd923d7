namespace IntegrationBot.Editing.Editor;

/// <summary>Who edits, and the languages they may change (from <c>counselor add … --languages</c>).</summary>
public sealed record EditorIdentity(string Name, IReadOnlyList<string> Languages)
{
    public bool MayEdit(string language) => Languages.Contains(language, StringComparer.Ordinal);
}
