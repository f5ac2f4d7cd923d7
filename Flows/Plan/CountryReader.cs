using IntegrationBot.Dialogs.Prompts;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Plan;

namespace IntegrationBot.Flows.Plan;

/// <summary>
/// Which country a message names ("Syria", "I am from Kosova", "Bosna", "سوريا", "Србија"), read the way buttons are
/// read: case, diacritics and script folded, the Arabic article left out, the name inside a sentence, a close typo. A
/// message that could be two countries of different groups names none.
/// </summary>
public static class CountryReader
{
    private static readonly List<Choice> Countries =
        [.. OriginCountries.All.Select(c => new Choice(c.NameIn(Language.English), null, [.. c.AllNames]))];

    public static OriginCountry? Find(string? text)
    {
        // A bare number is a button's position, never a country.
        if (string.IsNullOrWhiteSpace(text) || text.All(c => !char.IsLetter(c)))
        {
            return null;
        }

        return ChoiceRecognizer.Recognize(text, Countries) is { } found ? OriginCountries.All[found.Index] : null;
    }
}
