using IntegrationBot.Flows.Localization;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// Issue 16 item 19, for the flows' strings: every hbs string rendered for a Cyrillic reader keeps the names in
/// <see cref="LatinNames"/> (the data controller "Občina Postojna", "Informacijski pooblaščenec", "SOS telefon", …)
/// in Latin script.
/// </summary>
public sealed class LatinNamesInStringsTests
{
    private static readonly Localizer Strings = Localizer.LoadEmbedded();

    [Fact]
    public void Every_cyrillic_string_keeps_every_known_latin_name()
    {
        var cyrillic = new Voice(Language.Bcs, Cyrillic: true);
        var transliterated = Strings.KeysOf(Language.Bcs)
            .SelectMany(key => LatinNames.TransliteratedIn(Strings.Find(Language.Bcs, key)!, Localizer.Render(cyrillic, Strings.Find(Language.Bcs, key)!))
                .Select(name => $"{key}: {name}"))
            .ToList();

        Assert.True(transliterated.Count == 0, "mark [[…]] in hbs.json: " + string.Join("; ", transliterated));
    }
}
