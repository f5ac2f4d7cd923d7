using System.Text.Json.Nodes;

namespace IntegrationBot.Bot.Tests.Support;

/// <summary>A message the bot sent over Telegram: the <c>sendMessage</c> parameters and the message id it got.</summary>
public sealed record TelegramSent(JsonObject Parameters, int MessageId)
{
    public string Text => Parameters["text"]!.GetValue<string>();

    /// <summary>The inline keyboard's titles, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows =>
        [.. (Parameters["reply_markup"]?["inline_keyboard"]?.AsArray() ?? []).Select(row =>
            (IReadOnlyList<string>)[.. row!.AsArray().Select(b => b!["text"]!.GetValue<string>())])];
}
