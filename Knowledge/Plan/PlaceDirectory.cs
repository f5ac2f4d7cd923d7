using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using YamlDotNet.Core;

namespace IntegrationBot.Knowledge.Plan;

/// <summary>
/// Where the plan sends a person: a small lookup over the local directory (<c>directory.yaml</c>, built with the
/// knowledge base). A missing file, a missing entry or an unconfirmed one gives no place, so the plan says to ask
/// the office instead of showing an address that nobody confirmed.
/// </summary>
public sealed class PlaceDirectory
{
    public const string FileName = "directory.yaml";

    private readonly Dictionary<string, Place> _byId;

    public PlaceDirectory(IEnumerable<Place> places, bool exists = true)
    {
        _byId = places.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Exists = exists;
    }

    /// <summary>False when the content has no directory yet: ids cannot be checked and nothing is shown.</summary>
    public bool Exists { get; }

    /// <summary>The entry with this id, confirmed or not; null when absent.</summary>
    public Place? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>"Name, address, hours" in the person's language, only for a confirmed entry with an address.</summary>
    public string? Describe(string? id, string language)
    {
        if (id is null || Find(id) is not { Confirmed: true, Address.Length: > 0 } place)
        {
            return null;
        }

        var name = place.Names.GetValueOrDefault(language) ?? place.Names.GetValueOrDefault(Language.English) ?? place.Id;
        return string.Join(", ", new[] { name, place.Address, place.Hours, place.Phone }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    public static PlaceDirectory LoadDefault() => LoadFromDirectory(TopicCatalog.DefaultDirectory);

    /// <summary>Loads <c>directory.yaml</c> from a content directory; a missing or unreadable file gives an empty directory.</summary>
    public static PlaceDirectory LoadFromDirectory(string path)
    {
        var file = Path.Combine(Path.GetFullPath(path), FileName);
        if (!File.Exists(file))
        {
            return new PlaceDirectory([], exists: false);
        }

        try
        {
            var entries = ReadEntries(File.ReadAllText(file));
            return new PlaceDirectory(entries.Where(e => !string.IsNullOrWhiteSpace(e?.Id)).Select(e => new Place(
                e!.Id!.Trim(),
                e.Confirmed ?? false,
                (e.Names ?? []).Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary(n => n.Key, n => n.Value!.Trim(), StringComparer.Ordinal),
                e.Address?.Trim(),
                e.Hours?.Trim(),
                e.Phone?.Trim())));
        }
        catch (YamlException)
        {
            // kb check of the directory's own author reports the error; the plan then shows no places.
            return new PlaceDirectory([], exists: false);
        }
    }

    // A plain list of entries, or the list under one top-level key (e.g. "entries:").
    private static List<PlaceFile?> ReadEntries(string yaml)
    {
        try
        {
            return PlanYaml.Reader.Deserialize<List<PlaceFile?>?>(yaml) ?? [];
        }
        catch (YamlException)
        {
            return PlanYaml.Reader.Deserialize<Dictionary<string, List<PlaceFile?>?>?>(yaml)?.Values.FirstOrDefault(v => v is not null) ?? [];
        }
    }

    private sealed class PlaceFile
    {
        public string? Id { get; set; }

        public bool? Confirmed { get; set; }

        public Dictionary<string, string?>? Names { get; set; }

        public string? Address { get; set; }

        public string? Hours { get; set; }

        public string? Phone { get; set; }
    }
}
