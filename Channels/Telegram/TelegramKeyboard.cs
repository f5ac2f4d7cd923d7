using System.Text;
using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;
using Telegram.Bot.Types.ReplyMarkups;

namespace IntegrationBot.Channels.Telegram;

/// <summary>Lays out buttons as an inline keyboard: short titles share a row, long ones get their own, a rating scale is
/// one row, and marked buttons (👍 / 👎, 🌐) start their own row after topics (<see cref="ButtonKinds"/>).</summary>
internal static class TelegramKeyboard
{
    public const int MaxCallbackDataBytes = 64;
    private const int MaxRowWidth = 30;
    private const int MaxPerRow = 3;
    private const int MaxScalePerRow = 5;

    public static InlineKeyboardMarkup? Build(IReadOnlyList<CardAction> actions, ICallbackDataStore callbackData)
    {
        var rows = new List<List<InlineKeyboardButton>>();
        var row = new List<InlineKeyboardButton>();
        var rowWidth = 0;
        foreach (var action in actions)
        {
            if (ToButton(action, callbackData) is not { } button)
            {
                continue;
            }
            var width = Math.Max(button.Text.Length, 4);
            var scale = ButtonKinds.IsScalePoint(button.Text) && row.TrueForAll(b => ButtonKinds.IsScalePoint(b.Text));
            if (row.Count > 0 && (row.Count == (scale ? MaxScalePerRow : MaxPerRow) || rowWidth + width > MaxRowWidth
                                  || ButtonKinds.StartsGroup(row[^1].Text, button.Text)))
            {
                rows.Add(row);
                row = [];
                rowWidth = 0;
            }
            row.Add(button);
            rowWidth += width;
        }
        if (row.Count > 0)
        {
            rows.Add(row);
        }
        return rows.Count == 0 ? null : new InlineKeyboardMarkup(rows);
    }

    private static InlineKeyboardButton? ToButton(CardAction action, ICallbackDataStore callbackData)
    {
        var title = string.IsNullOrWhiteSpace(action.Title) ? action.Value : action.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        if (action.Type == CardAction.OpenUrl)
        {
            return Uri.TryCreate(action.Value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? InlineKeyboardButton.WithUrl(title, url.AbsoluteUri)
                : null;
        }
        var value = string.IsNullOrEmpty(action.Value) ? title : action.Value;
        var data = Encoding.UTF8.GetByteCount(value) <= MaxCallbackDataBytes
                   && value[0] != InMemoryCallbackDataStore.TokenPrefix
            ? value
            : callbackData.Shorten(value);
        return InlineKeyboardButton.WithCallbackData(title, data);
    }
}
