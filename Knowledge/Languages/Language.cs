namespace IntegrationBot.Knowledge.Languages;

/// <summary>The five language codes used everywhere: configuration, content, APIs and output.</summary>
public static class Language
{
    public const string Slovenian = "sl";
    public const string English = "en";
    public const string Albanian = "sq";
    public const string Bcs = "hbs";
    public const string Arabic = "ar";

    /// <summary>All supported codes, in the order the menus show them.</summary>
    public static IReadOnlyList<string> All { get; } = [Slovenian, English, Albanian, Bcs, Arabic];

    /// <summary>True for one of the five codes (exact, lower case).</summary>
    public static bool IsSupported(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);

    /// <summary>Accepts a code in any case with surrounding blanks; null when it is not one of the five.</summary>
    public static string? Parse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim().ToLowerInvariant();
        return IsSupported(trimmed) ? trimmed : null;
    }

    /// <summary>Arabic is written right to left; the others left to right.</summary>
    public static bool IsRightToLeft(string code) => code == Arabic;
}
