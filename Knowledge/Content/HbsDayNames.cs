using System.Text.RegularExpressions;

namespace IntegrationBot.Knowledge.Content;

/// <summary>
/// Opening hours are written once, with English day names ("Mon, Tue, Thu 8–15"). They are not names on a sign: a
/// Bosnian, Croatian or Serbian reader expects their own day names ("pon, uto, čet 8–15"; in Cyrillic "пон, уто, чет"),
/// where Cyrillic would otherwise turn "Mon, Tue" into the meaningless "Мон, Туе". Other languages keep the text as
/// written.
/// </summary>
public static partial class HbsDayNames
{
    private static readonly Dictionary<string, string> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Mon"] = "pon", ["Tue"] = "uto", ["Wed"] = "sri", ["Thu"] = "čet", ["Fri"] = "pet", ["Sat"] = "sub", ["Sun"] = "ned",
        ["Monday"] = "ponedjeljak", ["Tuesday"] = "utorak", ["Wednesday"] = "srijeda", ["Thursday"] = "četvrtak",
        ["Friday"] = "petak", ["Saturday"] = "subota", ["Sunday"] = "nedjelja",
    };

    /// <summary><paramref name="hours"/> with English day names in hbs (null stays null).</summary>
    public static string? Localize(string? hours) =>
        string.IsNullOrEmpty(hours) ? hours : EnglishDay().Replace(hours, match => Days[match.Value]);

    [GeneratedRegex(@"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishDay();
}
