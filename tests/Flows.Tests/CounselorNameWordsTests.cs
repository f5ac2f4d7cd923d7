using IntegrationBot.Flows.Localization;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Flows.Tests;

/// <summary>
/// Messages that name the counselor say nothing of their gender: counselors are intercultural mediators, many of them
/// women, and "Svetovalec Maja" or "je označil" (masculine) misnamed every one of them. No per-counselor form is needed:
/// the name stands with the service ("iz svetovalne službe") or in parentheses, and verbs are impersonal.
/// </summary>
public sealed class CounselorNameWordsTests
{
    public static TheoryData<string, string> GenderedWords => new()
    {
        { Language.Slovenian, "Svetovalec" },
        { Language.Slovenian, "svetovalec" },
        { Language.Slovenian, "prevzel " },
        { Language.Slovenian, "označil " },
        { Language.Slovenian, "dodal " },
        { Language.Slovenian, "nadaljeval " },
        { Language.Bcs, "Savjetnik" },
        { Language.Bcs, "savjetnik" },
        { Language.Bcs, "označio" },
        { Language.Bcs, "dodao" },
        { Language.Bcs, "koji će" },
        { Language.Albanian, "Këshilltari" },
        { Language.Albanian, "këshilltarit" },
        { Language.Albanian, "këshilltar\n" },
        { Language.Albanian, "i cili" },
        { Language.Arabic, "المستشار" },
        { Language.Arabic, "مستشار\n" },
        { Language.Arabic, "وضع المستشار" },
        { Language.Arabic, "أضاف" },
        { Language.Arabic, "سيتابع" },
    };

    [Theory]
    [MemberData(nameof(GenderedWords))]
    public void No_message_naming_the_counselor_calls_them_by_a_gendered_word(string language, string gendered)
    {
        var localizer = Localizer.LoadEmbedded();
        var naming = localizer.KeysOf(language)
            .Select(key => (Key: key, Text: localizer.Find(language, key)!))
            .Where(s => s.Text.Contains("{counselor}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(naming);
        Assert.All(naming, s => Assert.DoesNotContain(gendered, s.Text, StringComparison.Ordinal));
    }
}
