using IntegrationBot.Channels.Common;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Viber;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Editing.Preview;

/// <summary>
/// An answer as a channel sends it, made by the channels' own code: office placeholders filled, hbs in Cyrillic when
/// asked, then Telegram's HTML subset split at its length limit, web chat's Markdown, or Viber's plain text.
/// </summary>
public sealed class AnswerPreview(OfficeInfo office)
{
    public const string Telegram = "telegram";
    public const string WebChat = "webchat";
    public const string Viber = "viber";

    public static IReadOnlyList<string> Channels { get; } = [Telegram, WebChat, Viber];

    /// <summary>The messages the person receives, in order; null when <paramref name="channel"/> is unknown.</summary>
    public IReadOnlyList<string>? Render(string text, string language, string channel, bool cyrillic)
    {
        // As the bot renders it: Latin names marked [[…]] stay Latin in Cyrillic, every other reader gets no marks.
        var filled = OfficePlaceholders.Fill(text, office.ShownIn(language));
        filled = language == Language.Bcs && cyrillic
            ? CyrillicTransliterator.ToCyrillic(filled)
            : CyrillicTransliterator.StripLatinMarks(filled);

        return channel switch
        {
            Telegram => [.. TextSplitter.Split(filled, TelegramActivityMapper.MaxMessageLength).Select(TelegramHtml.FromPlainText)],
            WebChat => [filled],
            Viber => [.. TextSplitter.Split(filled.Replace("**", "", StringComparison.Ordinal), ViberActivityMapper.MaxTextLength)],
            _ => null,
        };
    }
}
