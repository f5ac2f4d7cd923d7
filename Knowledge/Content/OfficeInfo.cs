using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Knowledge.Content;

/// <summary>The office's contact details, set by the operator (<c>IntegrationBot__Office__...</c>); null when not configured.</summary>
public sealed record OfficeInfo(
    string? Name = null,
    string? Address = null,
    string? Hours = null,
    string? Phone = null,
    string? Email = null)
{
    public static OfficeInfo NotConfigured { get; } = new();

    /// <summary>The name in one language (<c>Office:Names</c>); a language without one gets <see cref="Name"/>.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The details to fill into text in <paramref name="language"/>, with the language's own name if one is set. The
    /// configured name and street address are what the person finds on the office's sign and on street signs, in Latin
    /// script: in hbs they are marked <c>[[…]]</c> so that a Cyrillic reply keeps them Latin (like
    /// <see cref="DirectoryEntry.Shown"/> does for addresses). Other languages get them unmarked, and the rendering step
    /// removes the marks for every reader who is not Cyrillic. The hours get the language's day names
    /// (<see cref="DayNames"/>).
    /// </summary>
    public OfficeInfo ShownIn(string language)
    {
        var name = Names.TryGetValue(language, out var own) ? own : Name;
        return language == Languages.Language.Bcs
            ? this with { Name = KeptLatin(name), Address = KeptLatin(Address), Hours = DayNames.Localize(Hours, language) }
            : this with { Name = name, Hours = DayNames.Localize(Hours, language) };
    }

    private static string? KeptLatin(string? value) =>
        string.IsNullOrWhiteSpace(value) ? value : CyrillicTransliterator.MarkLatin(value);
}
