using System.Text;

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

    public static string FromPlainText(string text)
    {
        var escaped = Escape(text);
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
