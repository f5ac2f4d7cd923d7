using IntegrationBot.Channels.Common;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Viber;

namespace IntegrationBot.Editing.Preview;

/// <summary>
/// An answer as a channel sends it: the bot's own text (<see cref="IAnswerText"/>), then the channels' own code:
/// Telegram's HTML subset split at its length limit, web chat's Markdown, or Viber's plain text.
/// </summary>
public sealed class AnswerPreview(IAnswerText answerText)
{
    public const string Telegram = "telegram";
    public const string WebChat = "webchat";
    public const string Viber = "viber";

    public static IReadOnlyList<string> Channels { get; } = [Telegram, WebChat, Viber];

    /// <summary>The messages the person receives, in order; null when <paramref name="channel"/> is unknown.</summary>
    public IReadOnlyList<string>? Render(string text, IReadOnlyList<string> sources, string language, string channel, bool cyrillic)
    {
        if (!Channels.Contains(channel))
        {
            return null;
        }

        var parts = answerText.Parts(text, sources, language, cyrillic);
        return channel switch
        {
            Telegram => [.. parts.SelectMany(p => TextSplitter.Split(p, TelegramActivityMapper.MaxMessageLength)).Select(TelegramHtml.FromPlainText)],
            Viber => [.. parts.SelectMany(p => TextSplitter.Split(ViberActivityMapper.PlainText(p), ViberActivityMapper.MaxTextLength))],
            _ => parts,
        };
    }
}
