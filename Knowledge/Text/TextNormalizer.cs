using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace IntegrationBot.Knowledge.Text;

/// <summary>
/// Folds text to one comparable form: lower case, Latin diacritics removed (đ becomes dj), Serbian Cyrillic
/// transliterated to Latin, Arabic letter variants unified and vowel marks dropped, Arabic-Indic digits made ASCII.
/// The original text is kept by callers for display; only matching uses the folded form.
/// </summary>
public static class TextNormalizer
{
    // Latin letters with diacritics fold to their base letter; computed once from Unicode decomposition
    // so that every accented Latin letter (not only the ones our languages use) is handled the same way.
    private static readonly string?[] LatinFold = BuildLatinFold();

    /// <summary>Returns the folded form of <paramref name="text"/>; empty for null or empty input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Fold(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Plain ASCII (most English questions, many typed without diacritics) folds to its lower case alone: no
        // builder, and no copy at all when it is lower case already.
        if (Ascii.IsValid(text))
        {
            return text.AsSpan().IndexOfAnyInRange('A', 'Z') < 0
                ? text
                : string.Create(text.Length, text, static (folded, ascii) => Ascii.ToLower(ascii, folded, out _));
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var raw in text)
        {
            AppendFolded(builder, raw);
        }

        return builder.ToString();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendFolded(StringBuilder builder, char raw)
    {
        if (raw < 128)
        {
            builder.Append(raw is >= 'A' and <= 'Z' ? (char)(raw + 32) : raw);
            return;
        }

        var c = char.ToLowerInvariant(raw);
        if (c is >= '\u0400' and <= '\u04FF')
        {
            builder.Append(CyrillicToLatin(c));
            return;
        }

        if (c is >= '\u0600' and <= '\u06FF')
        {
            AppendArabic(builder, c);
            return;
        }

        switch (c)
        {
            case 'đ':
                builder.Append("dj");
                return;
            case 'ß':
                builder.Append("ss");
                return;
            case '\u2018' or '\u2019' or '\u02BC' or '\u00B4' or '`':
                builder.Append('\'');
                return;
            case '\u00A0' or '\u2007' or '\u202F':
                builder.Append(' ');
                return;
            case '\u200E' or '\u200F' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF':
                return;
        }

        if (c < LatinFold.Length && LatinFold[c] is { } folded)
        {
            builder.Append(folded);
            return;
        }

        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
        {
            return;
        }

        builder.Append(c);
    }

    private static void AppendArabic(StringBuilder builder, char c)
    {
        switch (c)
        {
            case >= '\u064B' and <= '\u065F':
            case '\u0670':
            case '\u0640':
                return; // harakat, superscript alef, tatweel
            case '\u0623' or '\u0625' or '\u0622' or '\u0671':
                builder.Append('\u0627');
                return;
            case '\u0629':
                builder.Append('\u0647');
                return;
            case '\u0649' or '\u06CC':
                builder.Append('\u064A');
                return;
            case '\u0624':
                builder.Append('\u0648');
                return;
            case '\u0626':
                builder.Append('\u064A');
                return;
            case '\u06A9':
                builder.Append('\u0643');
                return;
            case >= '\u0660' and <= '\u0669':
                builder.Append((char)('0' + (c - '\u0660')));
                return;
            case >= '\u06F0' and <= '\u06F9':
                builder.Append((char)('0' + (c - '\u06F0')));
                return;
            case '\u061F':
                builder.Append('?');
                return;
            case '\u060C':
                builder.Append(',');
                return;
            case '\u061B':
                builder.Append(';');
                return;
            default:
                builder.Append(c);
                return;
        }
    }

    private static string CyrillicToLatin(char c) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'ђ' => "dj", 'е' => "e", 'ж' => "z",
        'з' => "z", 'и' => "i", 'ј' => "j", 'к' => "k", 'л' => "l", 'љ' => "lj", 'м' => "m", 'н' => "n",
        'њ' => "nj", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'ћ' => "c", 'у' => "u",
        'ф' => "f", 'х' => "h", 'ц' => "c", 'ч' => "c", 'џ' => "dz", 'ш' => "s",
        // Russian/Ukrainian letters that people type on a non-Serbian keyboard.
        'й' => "j", 'ы' => "i", 'э' => "e", 'ю' => "ju", 'я' => "ja", 'ё' => "e", 'щ' => "s", 'і' => "i",
        'ї' => "i", 'є' => "e", 'ъ' or 'ь' => string.Empty,
        _ => c.ToString(),
    };

    private static string?[] BuildLatinFold()
    {
        var table = new string?[0x0250];
        for (var c = (char)0x00C0; c < 0x0250; c++)
        {
            var decomposed = char.ToLowerInvariant(c).ToString().Normalize(NormalizationForm.FormD);
            var baseLetters = new StringBuilder();
            foreach (var d in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    baseLetters.Append(d);
                }
            }

            var result = baseLetters.ToString();
            if (result.Length > 0 && result.All(ch => ch < 128))
            {
                table[c] = result;
            }
        }

        table['æ'] = "ae";
        table['ø'] = "o";
        table['ł'] = "l";
        table['ħ'] = "h";
        return table;
    }
}
