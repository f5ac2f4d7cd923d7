using IntegrationBot.Knowledge.Content;

namespace IntegrationBot.Editing.Api;

/// <summary>The body of PUT /api/knowledge/directory/{id}: the whole entry; blank fields are stored as empty (never shown as facts).</summary>
public sealed record DirectoryEntryInput(
    bool? Confirmed,
    Dictionary<string, string?>? Names,
    string? Address,
    string? Hours,
    string? Phone,
    string? Email,
    string? Map,
    string? Source)
{
    public DirectoryEntry ToEntry(string id) => new(
        id,
        Confirmed ?? false,
        (Names ?? []).Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary(n => n.Key.Trim(), n => n.Value!.Trim(), StringComparer.Ordinal),
        Blank(Address),
        Blank(Hours),
        Blank(Phone),
        Blank(Email),
        Blank(Map),
        Blank(Source));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
