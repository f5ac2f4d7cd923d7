using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationBot.Channels.Common;

/// <summary>
/// Finds what a person should be able to tap in the bot's plain text: https addresses, e-mail addresses and phone
/// numbers (112, 113, the EU's 116 xxx lines, 080 11 55, 05 728 07 00, +386 ...). Each channel renders them its own way (Web Chat markdown,
/// Telegram HTML); Viber links plain addresses and numbers itself.
/// </summary>
public static partial class TappableText
{
    public static IReadOnlyList<TappableSpan> Find(string text)
    {
        var spans = new List<TappableSpan>();
        foreach (Match match in Tappable().Matches(text))
        {
            if (match.Groups["url"].Success)
            {
                // A sentence's full stop or closing bracket after an address is not part of it.
                var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'', '"');
                spans.Add(new TappableSpan(match.Index, url.Length, url.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + url : url));
            }
            else if (match.Groups["email"].Success)
            {
                spans.Add(new TappableSpan(match.Index, match.Length, "mailto:" + match.Value));
            }
            else
            {
                spans.Add(new TappableSpan(match.Index, match.Length, "tel:" + string.Concat(match.Value.Where(c => char.IsAsciiDigit(c) || c == '+'))));
            }
        }

        return spans;
    }

    /// <summary>
    /// Web Chat markdown: tappable spans become links, everything else is escaped so content never forms markup
    /// (Web Chat's markdown allows HTML) nor a link of its own; a line break stays a line break.
    /// </summary>
    public static string ToWebChatMarkdown(string text)
    {
        text = EndListsBeforeOtherLines(text);
        var sb = new StringBuilder(text.Length + 64);
        var at = 0;
        foreach (var span in Find(text))
        {
            EscapeMarkdown(sb, text.AsSpan(at, span.Start - at), escapeWordDots: true);
            sb.Append('[');
            EscapeMarkdown(sb, text.AsSpan(span.Start, span.Length), escapeWordDots: false);
            sb.Append("](").Append(span.Target.Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)).Append(')');
            at = span.Start + span.Length;
        }

        EscapeMarkdown(sb, text.AsSpan(at), escapeWordDots: true);
        return sb.ToString();
    }

    // Markdown reads a line right after a numbered or bulleted item as more of that item: seen in Chromium, the
    // doctor answer's address, advice and "ask the office" lines were indented under step 4. A blank line ends the list.
    private static string EndListsBeforeOtherLines(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Split('\n');
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
                if (ListItem().IsMatch(lines[i - 1]) && lines[i].Trim().Length > 0 && !ListItem().IsMatch(lines[i]))
                {
                    sb.Append('\n');
                }
            }

            sb.Append(lines[i]);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^[\u200E\u200F\u2066-\u2069]*\s*(?:\d{1,2}[.)]|[-*+•])\s", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    private static void EscapeMarkdown(StringBuilder sb, ReadOnlySpan<char> text, bool escapeWordDots)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // Web Chat's markdown links any word that looks like a domain ("p.sh." is Albanian for "e.g."); an escaped
            // dot between two letters or digits keeps it text.
            var wordDot = escapeWordDots && c == '.' && i > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);
            if (c is '\\' or '`' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~' || wordDot)
            {
                sb.Append('\\');
            }
            else if (c == '\n' && (sb.Length == 0 || sb[^1] != '\n'))
            {
                // Markdown joins single lines into one; two spaces keep the bot's line break (blank lines stay paragraphs).
                sb.Append("  ");
            }

            sb.Append(c);
        }
    }

    [GeneratedRegex(@"(?<url>(?:https?://|(?<![\w./])www\.)[^\s<>""\u200E\u200F\u2066-\u2069]+)|(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})|(?<![\w+/.])(?<phone>\+386(?:[ ]?\d{1,4}){3,4}|0\d{1,2}(?:[ ]\d{2,4}){2,3}|0\d{7,8}|11[23]|116[ ]?\d{3})(?![\w/])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tappable();
}
