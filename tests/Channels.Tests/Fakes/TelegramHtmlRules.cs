using System.Net;
using System.Text;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>Telegram's HTML parse mode as the server enforces it: only its tags and the four named entities.</summary>
internal static class TelegramHtmlRules
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "a", "code", "pre", "blockquote", "span", "tg-emoji"];

    private static readonly string[] Entities = ["&lt;", "&gt;", "&amp;", "&quot;"];

    /// <returns>null when valid (with the visible text in <paramref name="plain"/>), else what is wrong.</returns>
    public static string? Check(string html, out string plain)
    {
        var sb = new StringBuilder();
        plain = "";
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var close = html.IndexOf('>', i);
                if (close < 0)
                {
                    return $"unexpected end of name token at byte offset {i}";
                }
                var name = html[(i + 1)..close].TrimStart('/').Split(' ', 2)[0];
                if (!Tags.Contains(name))
                {
                    return $"unsupported start tag \"{name}\" at byte offset {i}";
                }
                i = close;
            }
            else if (c == '&')
            {
                var entity = Entities.FirstOrDefault(e => string.CompareOrdinal(html, i, e, 0, e.Length) == 0);
                var numeric = System.Text.RegularExpressions.Regex.Match(html[i..], "^&#(x[0-9a-fA-F]+|[0-9]+);");
                if (entity is null && numeric.Success)
                {
                    sb.Append(WebUtility.HtmlDecode(numeric.Value));
                    i += numeric.Length - 1;
                    continue;
                }
                if (entity is null)
                {
                    return $"unsupported entity at byte offset {i}";
                }
                sb.Append(WebUtility.HtmlDecode(entity));
                i += entity.Length - 1;
            }
            else
            {
                sb.Append(c);
            }
        }
        plain = sb.ToString();
        return null;
    }
}
