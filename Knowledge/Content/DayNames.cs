using System.Text.RegularExpressions;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Content;

/// <summary>
/// Opening hours are written once, with English day names ("Mon, Tue, Thu 8–15"), in the office's settings and the
/// directory. Each reader gets their own day names: an Albanian or Arabic reader does not read "Mon, Tue", and in hbs
/// Cyrillic would turn them into the meaningless "Мон, Туе". Arabic also gets its own comma and semicolon.
/// </summary>
public static partial class DayNames
{
    private static readonly string[] English = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] EnglishLong = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    // Short and long names, Monday first. Arabic has no usual short forms: both are the full names.
    private static readonly Dictionary<string, (string[] Short, string[] Long)> Names = new(StringComparer.Ordinal)
    {
        [Language.Slovenian] = (["pon.", "tor.", "sre.", "čet.", "pet.", "sob.", "ned."],
            ["ponedeljek", "torek", "sreda", "četrtek", "petek", "sobota", "nedelja"]),
        [Language.Albanian] = (["Hën", "Mar", "Mër", "Enj", "Pre", "Sht", "Die"],
            ["e hënë", "e martë", "e mërkurë", "e enjte", "e premte", "e shtunë", "e diel"]),
        [Language.Bcs] = (["pon", "uto", "sri", "čet", "pet", "sub", "ned"],
            ["ponedjeljak", "utorak", "srijeda", "četvrtak", "petak", "subota", "nedjelja"]),
        [Language.Arabic] = (["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
            ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]),
    };

    /// <summary><paramref name="hours"/> with the English day names in <paramref name="language"/> (null stays null; English as written).</summary>
    public static string? Localize(string? hours, string language)
    {
        if (string.IsNullOrEmpty(hours) || !Names.TryGetValue(language, out var names))
        {
            return hours;
        }

        var localized = EnglishDay().Replace(hours, match =>
        {
            var day = Array.FindIndex(English, d => d.Equals(match.Value, StringComparison.OrdinalIgnoreCase));
            return day >= 0 ? names.Short[day] : names.Long[Array.FindIndex(EnglishLong, d => d.Equals(match.Value, StringComparison.OrdinalIgnoreCase))];
        });
        return language == Language.Arabic ? localized.Replace(", ", "، ", StringComparison.Ordinal).Replace("; ", "؛ ", StringComparison.Ordinal) : localized;
    }

    /// <summary>The full name of <paramref name="day"/> in <paramref name="language"/> (English for a language without a table).</summary>
    public static string Of(DayOfWeek day, string language)
    {
        var monday = ((int)day + 6) % 7;
        return Names.TryGetValue(language, out var names) ? names.Long[monday] : EnglishLong[monday];
    }

    [GeneratedRegex(@"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishDay();
}
