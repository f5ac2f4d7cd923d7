namespace IntegrationBot.Knowledge.Content;

/// <summary>The local directory of institutions (<c>directory.yaml</c>) that answers reference as <c>{dir.&lt;id&gt;.&lt;field&gt;}</c>.</summary>
public sealed class LocalDirectory(IEnumerable<DirectoryEntry> entries)
{
    public const string FileName = "directory.yaml";

    private readonly Dictionary<string, DirectoryEntry> byId = entries
        .GroupBy(e => e.Id, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public static LocalDirectory Empty { get; } = new([]);

    /// <summary>Every entry, in file order (duplicates included, for kb check).</summary>
    public IReadOnlyList<DirectoryEntry> Entries { get; } = [.. entries];

    public DirectoryEntry? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>
    /// "Name, address, hours, phone" in <paramref name="language"/> (as the plan shows a place), only for a confirmed
    /// entry with an address; null otherwise, so the caller says to ask the office instead.
    /// </summary>
    public string? Describe(string? id, string language)
    {
        if (id is null || Find(id) is not { Confirmed: true } entry || entry.Shown("address", language) is null)
        {
            return null;
        }

        return string.Join(", ", new[] { "name", "address", "hours", "phone" }.Select(f => entry.Shown(f, language)).OfType<string>());
    }

    /// <summary>
    /// "Name, phone, e-mail" in <paramref name="language"/> for a confirmed entry reached by phone or e-mail rather than
    /// at an address (PIC's legal help); null without either, so the caller says to ask the office instead.
    /// </summary>
    public string? Contact(string? id, string language)
    {
        if (id is null || Find(id) is not { Confirmed: true } entry || (entry.Shown("phone", language) ?? entry.Shown("email", language)) is null)
        {
            return null;
        }

        return string.Join(language == Languages.Language.Arabic ? "، " : ", ",
            new[] { "name", "phone", "email" }.Select(f => entry.Shown(f, language)).OfType<string>());
    }

    /// <summary>This directory with <paramref name="entry"/> in place of the entry with its id, or added at the end.</summary>
    public LocalDirectory With(DirectoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var replaced = false;
        var list = new List<DirectoryEntry>(Entries.Count + 1);
        foreach (var existing in Entries)
        {
            if (existing.Id == entry.Id)
            {
                if (!replaced)
                {
                    list.Add(entry);
                    replaced = true;
                }

                continue;
            }

            list.Add(existing);
        }

        if (!replaced)
        {
            list.Add(entry);
        }

        return new LocalDirectory(list);
    }
}
