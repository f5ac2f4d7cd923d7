namespace IntegrationBot.Dialogs.Prompts;

/// <summary>Yes/no in Slovene, English, Albanian, Serbian/Croatian/Bosnian (Latin and Cyrillic, folded) and Arabic.</summary>
public static class ConfirmRecognizer
{
    // Folded forms: no diacritics, Cyrillic already transliterated, Arabic hamza seats stripped by the folding.
    private static readonly HashSet<string> YesPhrases = new(StringComparer.Ordinal)
    {
        "of course", "v redu", "ne rregull", "u redu", "in sha allah", "ان شاء الله",
    };

    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal)
    {
        // en
        "yes", "yeah", "yep", "yup", "y", "sure", "ok", "okay", "correct", "right", "yess",
        // sl
        "da", "ja", "seveda", "vredu", "lahko", "drzi", "tocno", "prav", "velja", "jasno",
        // sq
        "po", "sigurisht", "patjeter", "dakord", "mire", "posi", "pra",
        // hbs
        "jeste", "jes", "naravno", "svakako", "vazi", "tacno", "moze", "mhm", "aha",
        // ar
        "نعم", "اجل", "ايوه", "ايوا", "بلى", "طبعا", "حسنا", "اكيد", "موافق", "نعم،", "اي",
        "👍", "✅",
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal)
    {
        // en
        "no", "nope", "nah", "n", "never",
        // sl, hbs
        "ne", "nikakor", "nocem", "nije", "nikako", "necu", "nemoj", "niposto",
        // sq
        "jo", "aspak", "kurrsesi", "kurre",
        // ar
        "لا", "كلا", "مش", "ابدا",
        "👎", "❌",
    };

    /// <summary>True for yes, false for no, null when the answer is neither or both.</summary>
    public static bool? Recognize(string? input)
    {
        var text = MatchText.Normalize(input);
        if (text.Length == 0)
        {
            // Emoji are not letters, so look at the raw input for them.
            var raw = input?.Trim() ?? string.Empty;
            return YesWords.Contains(raw) ? true : NoWords.Contains(raw) ? false : null;
        }

        if (YesPhrases.Contains(text))
        {
            return true;
        }

        var tokens = MatchText.Tokens(text);
        var yes = tokens.Any(YesWords.Contains);
        var no = tokens.Any(NoWords.Contains);
        return yes == no ? null : yes;
    }
}
