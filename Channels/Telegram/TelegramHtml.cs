using System.Text;
using IntegrationBot.Channels.Common;

namespace IntegrationBot.Channels.Telegram;

/// <summary>Turns the bot's plain text (with <c>**bold**</c>) into the HTML subset Telegram accepts.</summary>
/// <remarks>Everything is escaped first, so no user- or content-supplied character can form a tag Telegram rejects
/// ("can't parse entities"); only the bold pairs we produce ourselves become <c>&lt;b&gt;</c>.</remarks>
public static class TelegramHtml
{
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>Plain text to Telegram HTML: escaped, <c>**bold**</c> as <c>&lt;b&gt;</c>, web addresses as <c>&lt;a href&gt;</c>.</summary>
    /// <remarks>Phone numbers and e-mail addresses stay text: Telegram's apps make them tappable themselves, and
    /// <c>tel:</c> is not among the links its HTML subset accepts.</remarks>
    public static string FromPlainText(string text) => Linked(Bolded(Escape(text)));

    private static string Linked(string html)
    {
        var links = TappableText.Find(html).Where(s => s.Target.StartsWith("http", StringComparison.Ordinal)).ToList();
        if (links.Count == 0)
        {
            return html;
        }

        var sb = new StringBuilder(html.Length + (links.Count * 24));
        var at = 0;
        foreach (var link in links)
        {
            var url = html.Substring(link.Start, link.Length);
            // The target, not the text: a www. address is linked with https (TappableText), never without a scheme.
            sb.Append(html, at, link.Start - at).Append("<a href=\"").Append(link.Target).Append("\">").Append(url).Append("</a>");
            at = link.Start + link.Length;
        }

        return sb.Append(html, at, html.Length - at).ToString();
    }

    private static string Bolded(string escaped)
    {
        var parts = escaped.Split("**");
        if (parts.Length < 3)
        {
            return escaped;
        }
        var sb = new StringBuilder(escaped.Length + 8);
        for (var i = 0; i < parts.Length; i++)
        {
            var isBold = i % 2 == 1;
            var closed = i < parts.Length - 1;
            if (isBold && closed && parts[i].Length > 0)
            {
                sb.Append("<b>").Append(parts[i]).Append("</b>");
            }
            else
            {
                if (isBold)
                {
                    sb.Append("**");
                }
                sb.Append(parts[i]);
            }
        }
        return sb.ToString();
    }
}
