using System.Globalization;
using System.Text;
using System.Text.Json;
using IntegrationBot.Dialogs.Activities;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using TgMessage = Telegram.Bot.Types.Message;

namespace IntegrationBot.Channels.Telegram;

/// <summary>Telegram <see cref="Update"/> → <see cref="Activity"/>, and bot <see cref="Activity"/> → <c>sendMessage</c> requests.</summary>
public static class TelegramActivityMapper
{
    public const string ChannelId = "telegram";
    public const int MaxMessageLength = 4096;

    /// <summary>Shown when a message has buttons but no text, because Telegram rejects empty text; language-neutral.</summary>
    private const string ButtonsOnlyText = "👇";

    /// <summary>The activity for an update, or null for kinds the bot does not handle (edits, polls, member changes…).</summary>
    public static Activity? ToActivity(Update update, string botId, ICallbackDataStore? callbackData = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update switch
        {
            { Message: { } message } => FromMessage(update.Id, message, botId),
            { CallbackQuery: { } query } => FromCallbackQuery(update.Id, query, botId, callbackData),
            _ => null,
        };
    }

    private static Activity? FromMessage(int updateId, TgMessage message, string botId)
    {
        if (message.From is not { IsBot: false } from || message.Chat is null)
        {
            return null;
        }
        // A photo or document sent with a caption ("what is this document? residence permit") is read by its caption:
        // the words are the question; the file itself stays unread (the marker still says what came with them).
        var text = message.Text ?? message.Caption;
        var isText = !string.IsNullOrEmpty(text);
        return Base(updateId, from, message.Chat, botId, message.Date) with
        {
            Text = isText ? StripBotMention(text!) : null,
            ChannelData = message.Text is { Length: > 0 } ? null : NonTextMarker(message.Type),
        };
    }

    private static Activity? FromCallbackQuery(int updateId, CallbackQuery query, string botId, ICallbackDataStore? store)
    {
        if (query.From is null || string.IsNullOrEmpty(query.Data))
        {
            return null;
        }
        var value = ResolveCallbackData(query, store);
        var chat = query.Message?.Chat ?? new Chat { Id = query.From.Id, Type = ChatType.Private };
        // Marked as a press: Telegram keeps the buttons of every earlier message, and only a press can be one of those.
        return ButtonPress.Mark(Base(updateId, query.From, chat, botId, query.Message?.Date) with { Text = value });
    }

    /// <summary>A short token is looked up; if the map forgot it (restart), the pressed button's own title is used.</summary>
    private static string ResolveCallbackData(CallbackQuery query, ICallbackDataStore? store)
    {
        var data = query.Data!;
        if (data.Length == 0 || data[0] != InMemoryCallbackDataStore.TokenPrefix)
        {
            return data;
        }
        if (store?.Resolve(data) is { } value)
        {
            return value;
        }
        var title = query.Message?.ReplyMarkup?.InlineKeyboard?
            .SelectMany(row => row ?? [])
            .FirstOrDefault(b => b?.CallbackData == data)?.Text;
        return title ?? data;
    }

    private static Activity Base(int updateId, User from, Chat chat, string botId, DateTime? date) => new()
    {
        Type = ActivityTypes.Message,
        Id = updateId.ToString(CultureInfo.InvariantCulture),
        ChannelId = ChannelId,
        Timestamp = date is { } d && d != default ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null,
        From = new ChannelAccount(from.Id.ToString(CultureInfo.InvariantCulture), from.FirstName, RoleTypes.User),
        Recipient = new ChannelAccount(botId, null, RoleTypes.Bot),
        Conversation = new ConversationAccount(chat.Id.ToString(CultureInfo.InvariantCulture), null,
            chat.Type == ChatType.Private ? null : true),
        Locale = string.IsNullOrWhiteSpace(from.LanguageCode) ? null : from.LanguageCode,
    };

    /// <summary>"/start@SomeBot arg" → "/start arg", so commands read the same in groups.</summary>
    private static string StripBotMention(string text)
    {
        if (text.Length < 2 || text[0] != '/')
        {
            return text;
        }
        var end = text.IndexOfAny([' ', '\n']);
        var command = end < 0 ? text : text[..end];
        var at = command.IndexOf('@');
        return at < 0 ? text : command[..at] + (end < 0 ? "" : text[end..]);
    }

    private static JsonElement NonTextMarker(MessageType type) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["nonText"] = type.ToString().ToLowerInvariant(),
        });

    /// <summary>The messages for one bot activity: text split under 4096, keyboard on the last part. Typing → none.</summary>
    public static IReadOnlyList<SendMessageRequest> ToSendMessageRequests(Activity activity, ICallbackDataStore callbackData)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message || activity.Conversation is null)
        {
            return [];
        }
        var chatId = long.Parse(activity.Conversation.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var (text, buttons) = Compose(activity);
        var keyboard = TelegramKeyboard.Build(buttons, callbackData);
        if (text.Length == 0)
        {
            if (keyboard is null)
            {
                return [];
            }
            text = ButtonsOnlyText;
        }
        var parts = Common.TextSplitter.Split(text, MaxMessageLength);
        var verbatim = VerbatimText.IsVerbatim(activity);
        return parts.Select((part, i) => new SendMessageRequest
        {
            ChatId = chatId,
            Text = verbatim ? TelegramHtml.Escape(part) : TelegramHtml.FromPlainText(part),
            ParseMode = ParseMode.Html,
            ReplyMarkup = i == parts.Count - 1 ? keyboard : null,
        }).ToList();
    }

    /// <summary>The reply as the Telegram messages it becomes (text over 4096 characters → several), one activity each.</summary>
    public static IReadOnlyList<Activity> SplitIntoMessages(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (text, buttons) = Compose(activity);
        return Common.ActivityParts.Split(activity, text, buttons, MaxMessageLength);
    }

    /// <summary>The typing indicator for a <c>typing</c> activity, else null.</summary>
    public static SendChatActionRequest? ToChatAction(Activity activity) =>
        activity.Type == ActivityTypes.Typing && activity.Conversation is { } c
            && long.TryParse(c.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId)
            ? new SendChatActionRequest { ChatId = chatId, Action = ChatAction.Typing }
            : null;

    private static (string Text, List<CardAction> Buttons) Compose(Activity activity)
    {
        var sb = new StringBuilder(activity.Text ?? "");
        var buttons = new List<CardAction>();
        foreach (var card in (activity.Attachments ?? []).Select(a => a.AsHeroCard()).OfType<HeroCard>())
        {
            AppendParagraph(sb, card.Title is { Length: > 0 } t ? $"**{t}**" : null);
            AppendParagraph(sb, card.Subtitle);
            AppendParagraph(sb, card.Text);
            buttons.AddRange(card.Buttons ?? []);
        }
        buttons.AddRange(activity.SuggestedActions?.Actions ?? []);
        return (sb.ToString().Trim(), buttons);
    }

    private static void AppendParagraph(StringBuilder sb, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        if (sb.Length > 0)
        {
            sb.Append("\n\n");
        }
        sb.Append(text);
    }
}
