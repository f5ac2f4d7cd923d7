using System.Buffers;
using System.Globalization;
using System.Text;

namespace IntegrationBot.Flows.Localization;

/// <summary>
/// Makes right-to-left text render correctly when it mixes in numbers, phone numbers or Latin names: the message starts
/// with a right-to-left mark (so a message beginning with "112" is still laid out right to left), and every run of
/// left-to-right content is isolated (LRI … PDI) so "080 11 55" or "Trg 1, Postojna" stay in their own order.
/// </summary>
public static class BidiText
{
    public const char RightToLeftMark = '\u200F';
    public const char LeftToRightIsolate = '\u2066';
    public const char PopDirectionalIsolate = '\u2069';

    private static readonly SearchValues<char> Marks =
        SearchValues.Create([RightToLeftMark, LeftToRightIsolate, PopDirectionalIsolate, '\u2067', '\u2068', '\u200E']);

    public static string IsolateForRightToLeft(string text)
    {
        if (string.IsNullOrEmpty(text) || text[0] == RightToLeftMark)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(RightToLeftMark);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLeftToRight(text[i]) && !IsCommandStart(text, i) && !IsPhoneStart(text, i))
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            // A run is left-to-right characters joined by spaces and neutral punctuation that sit between them. It ends
            // at its last strong character, or at a closing bracket it opened itself ("Postojna (Občina Postojna)").
            var end = i + 1;
            var lastStrong = i;
            var open = 0;
            while (end < text.Length && text[end] != '\n' && (IsLeftToRight(text[end]) || IsJoiner(text, end, ref open)))
            {
                if (IsLeftToRight(text[end]) || text[end] == ')')
                {
                    lastStrong = end;
                }

                end++;
            }

            // A web address is one run to its end: its closing "/" left outside would be cut from the link and shown
            // on the other side of it.
            if (IsAddressStart(text, i))
            {
                lastStrong = Math.Max(lastStrong, AddressEnd(text, i) - 1);
            }

            builder.Append(LeftToRightIsolate).Append(text, i, lastStrong - i + 1).Append(PopDirectionalIsolate);
            i = lastStrong + 1;
        }

        return builder.ToString();
    }

    /// <summary>Removes the marks again, e.g. to compare a button title the user sent back.</summary>
    public static string Strip(string text)
    {
        // Most text has no marks at all; it is returned as it is.
        if (text.AsSpan().IndexOfAny(Marks) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Marks.Contains(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // "/menu" at a line's or a word's start: the slash is part of the command, else it shows on the command's far side.
    private static bool IsCommandStart(string text, int at) =>
        text[at] == '/' && at + 1 < text.Length && char.IsAsciiLetter(text[at + 1]) && (at == 0 || char.IsWhiteSpace(text[at - 1]) || Marks.Contains(text[at - 1]));

    // "+386 …" at a word's start: the plus is part of the phone number, else it shows on the number's far side.
    private static bool IsPhoneStart(string text, int at) =>
        text[at] == '+' && at + 1 < text.Length && char.IsAsciiDigit(text[at + 1]) && (at == 0 || char.IsWhiteSpace(text[at - 1]) || Marks.Contains(text[at - 1]));

    private static bool IsAddressStart(string text, int at) =>
        text.AsSpan(at).StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || text.AsSpan(at).StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || text.AsSpan(at).StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the address starting at <paramref name="at"/> ends: at white space or a mark, less the sentence's punctuation after it (as TappableText links it).</summary>
    private static int AddressEnd(string text, int at)
    {
        var end = at;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && !Marks.Contains(text[end]) && !IsRightToLeftLetter(text[end]))
        {
            end++;
        }

        while (end > at && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '\'' or '"')
        {
            end--;
        }

        return end;
    }

    private static bool IsLeftToRight(char c) =>
        char.IsAsciiDigit(c) || (char.IsLetter(c) && !IsRightToLeftLetter(c));

    private static bool IsRightToLeftLetter(char c) => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>
    /// Whether the neutral character at <paramref name="at"/> may join two left-to-right parts into one isolated run.
    /// Punctuation that belongs to the surrounding right-to-left sentence stays outside the run: a closing bracket whose
    /// opening one is not in the run, and a colon that ends a label ("ZIP): 60" → ⁦ZIP⁩): ⁦60⁩, not ⁦ZIP): 60⁩).
    /// </summary>
    private static bool IsJoiner(string text, int at, ref int open)
    {
        var c = text[at];
        switch (c)
        {
            case '(':
                open++;
                return true;
            case ')':
                return open-- > 0;
            case ':':
                // "10:30", "https://" join; "ZIP: 60" is a label and its value.
                return at + 1 < text.Length && !char.IsWhiteSpace(text[at + 1]);
            default:
                return c is ' ' or '.' or ',' or '-' or '+' or '/' or '@' or '_' or '\''
                    || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;
        }
    }
}
