namespace IntegrationBot.Knowledge.Content;

/// <summary>The local directory of institutions (<c>directory.yaml</c>) that answers reference as <c>{dir.&lt;id&gt;.&lt;field&gt;}</c>.</summary>
public sealed class LocalDirectory(IEnumerable<DirectoryEntry> entries)
{
    private readonly Dictionary<string, DirectoryEntry> byId = entries
        .GroupBy(e => e.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public static LocalDirectory Empty { get; } = new([]);

    /// <summary>Every entry, in file order (duplicates included, for kb check).</summary>
    public IReadOnlyList<DirectoryEntry> Entries { get; } = [.. entries];

    public DirectoryEntry? Find(string id) => byId.GetValueOrDefault(id);
}
