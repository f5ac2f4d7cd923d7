using System.Text.RegularExpressions;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.TestSupport;

/// <summary>
/// Names a person must recognise on signs, forms and screens (institutions and their acronyms, form and exam names,
/// brands, street addresses). Issue 16: a Cyrillic reply must keep them in Latin script ("Telemach" became
/// "Телемацх", "upravna enota" "управна енота"), so the hbs text marks them <c>[[…]]</c>. Add a name here when
/// content or strings start using it.
/// </summary>
public static class LatinNames
{
    public static IReadOnlyList<string> All { get; } =
    [
        "upravna enota",
        "Upravna enota Postojna",
        "UE",
        "ZRSZ",
        "ESS",
        "CSD",
        "ZZZS",
        "FURS",
        "UOIM",
        "PIC",
        "OZP",
        "ZIP",
        "BPP",
        "IJPP",
        "ENIC-NARIC",
        "ZUOPUE",
        "EMŠO",
        "AJPES",
        "SPOT",
        "PUM-O",
        "ECTS",
        "GDPR",
        "M-1",
        "DR-02",
        "A1",
        "A2",
        "s.p.",
        "Izjava o izbiri",
        "Telemach",
        "Viber",
        "Telegram",
        "Veris",
        "LU Ilirska Bistrica",
        "LU Sežana",
        "LU Koper",
        "ZD Postojna",
        "Zdravstveni dom dr. Franca Ambrožiča Postojna",
        "Zavod Znanje Postojna",
        "Zavod Znanje",
        "Ljudska univerza",
        "Notranjski muzej",
        "Kulturni dom Postojna",
        "Točka moči",
        "Postojnska jama",
        "Predjamski grad",
        "Delavska svetovalnica",
        "Slovenska filantropija",
        "Knjižnica Bena Zupančiča Postojna",
        "Policijska postaja Postojna",
        "Informacijski pooblaščenec",
        "Občina Postojna",
        "SOS telefon",
        "TOM telefon",
        "Info točka",
        "enotno dovoljenje",
        "enotna vloga",
        "center za socialno delo",
        "Center za socialno delo",
        "subvencija najemnine",
        "izredna denarna socialna pomoč",
        "Vloga za uveljavljanje pravic iz javnih sredstev",
        "prijava prebivališča",
        "vodja policijskega okoliša",
        "Slovenska poslovna točka",
        "Azilni dom",
        "e-uprava",
        "Ljubljanska cesta 4",
        "Dunajska cesta 167",
        "Trg padlih borcev 5",
        "Prečna 2",
    ];

    /// <summary>
    /// The known names that <paramref name="markedHbs"/> shows (after its marks are removed) but that its Cyrillic
    /// rendering <paramref name="cyrillic"/> no longer contains verbatim, i.e. names that were transliterated.
    /// </summary>
    public static IEnumerable<string> TransliteratedIn(string markedHbs, string cyrillic)
    {
        var latin = CyrillicTransliterator.StripLatinMarks(markedHbs);
        foreach (var name in All)
        {
            var shownAt = Occurrences(latin, name);
            if (shownAt > 0 && Occurrences(cyrillic, name) < shownAt)
            {
                yield return name;
            }
        }
    }

    // Whole-name matches only, so "UE" is not found inside "UEFA" nor "A2" inside "A22".
    private static int Occurrences(string text, string name) =>
        Regex.Count(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(name) + @"(?![\p{L}\p{N}])", RegexOptions.CultureInvariant);
}
