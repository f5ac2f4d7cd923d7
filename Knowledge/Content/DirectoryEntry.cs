using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Content;

/// <summary>
/// One institution of the local directory (<c>directory.yaml</c>). Only a <see cref="Confirmed"/> entry's
/// non-empty fields are ever shown as facts; the name is always shown.
/// </summary>
public sealed record DirectoryEntry(
    string Id,
    bool Confirmed,
    IReadOnlyDictionary<string, string> Names,
    string? Address,
    string? Hours,
    string? Phone,
    string? Email,
    string? Map,
    string? Source)
{
    /// <summary>The fields a placeholder may name: <c>{dir.&lt;id&gt;.&lt;field&gt;}</c>.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["name", "address", "hours", "phone", "email", "map"];

    /// <summary>The name in <paramref name="language"/>, else English, else Slovene, else the id.</summary>
    public string NameIn(string language) =>
        Names.GetValueOrDefault(language) is { Length: > 0 } name ? name
        : Names.GetValueOrDefault("en") is { Length: > 0 } english ? english
        : Names.GetValueOrDefault("sl") is { Length: > 0 } slovene ? slovene
        : Id;

    /// <summary>The value to show for <paramref name="field"/>, or null when it must not be shown as a fact.</summary>
    public string? Shown(string field, string language)
    {
        if (field == "name")
        {
            return NameIn(language);
        }

        var value = field switch
        {
            "address" => Address,
            "hours" => Hours,
            "phone" => Phone,
            "email" => Email,
            "map" => Map,
            _ => null,
        };
        if (!Confirmed || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // A street address is what the person looks for on street signs, which are in Latin script: in hbs it is marked
        // so that a Cyrillic reply keeps it Latin (a Latin hbs reader gets it without the marks, see CyrillicTransliterator).
        // Hours are no sign: their English day names become the reader's (DayNames).
        return (field, language) switch
        {
            ("address", Languages.Language.Bcs) => CyrillicTransliterator.MarkLatin(value),
            ("hours", _) => DayNames.Localize(value.Trim(), language),
            _ => value.Trim(),
        };
    }
}
