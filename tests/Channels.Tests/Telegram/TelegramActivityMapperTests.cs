using System.Text;
using System.Text.Json;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Dialogs.Activities;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace IntegrationBot.Channels.Tests.Telegram;

public sealed class TelegramActivityMapperTests
{
    private static Update Parse(string json) => JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;

    private static string MessageUpdate(string messageBody) =>
        """{"update_id":1001,"message":{"message_id":5,"date":1700000000,"chat":{"id":42,"type":"private","first_name":"Amira"},"from":{"id":42,"is_bot":false,"first_name":"Amira","language_code":"ar"},""" + messageBody + "}}";

    [Fact]
    public void Text_message_becomes_a_message_activity_with_locale_and_stable_id()
    {
        var activity = TelegramActivityMapper.ToActivity(Parse(MessageUpdate("\"text\":\"كيف أسجل عنواني؟\"")), "123456")!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("1001", activity.Id);
        Assert.Equal("telegram", activity.ChannelId);
        Assert.Equal("42", activity.Conversation!.Id);
        Assert.Equal("42", activity.From!.Id);
        Assert.Equal("123456", activity.Recipient!.Id);
        Assert.Equal("ar", activity.Locale);
        Assert.Equal("كيف أسجل عنواني؟", activity.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), activity.Timestamp);
    }

    [Theory]
    [InlineData("/start", "/start")]
    [InlineData("/start@integration_test_bot", "/start")]
    [InlineData("/delete@integration_test_bot now", "/delete now")]
    [InlineData("me@example.com", "me@example.com")]
    public void Commands_lose_the_bot_mention(string text, string expected)
    {
        var json = MessageUpdate($"\"text\":\"{text}\"");
        Assert.Equal(expected, TelegramActivityMapper.ToActivity(Parse(json), "1")!.Text);
    }

    [Theory]
    [InlineData("\"photo\":[{\"file_id\":\"a\",\"file_unique_id\":\"b\",\"width\":1,\"height\":1}]", "photo")]
    [InlineData("\"voice\":{\"file_id\":\"a\",\"file_unique_id\":\"b\",\"duration\":3}", "voice")]
    [InlineData("\"sticker\":{\"file_id\":\"a\",\"file_unique_id\":\"b\",\"type\":\"regular\",\"width\":1,\"height\":1,\"is_animated\":false,\"is_video\":false}", "sticker")]
    [InlineData("\"location\":{\"latitude\":45.77,\"longitude\":14.21}", "location")]
    [InlineData("\"document\":{\"file_id\":\"a\",\"file_unique_id\":\"b\"}", "document")]
    public void Non_text_message_has_no_text_and_a_marker(string payload, string kind)
    {
        var activity = TelegramActivityMapper.ToActivity(Parse(MessageUpdate(payload)), "1")!;

        Assert.Null(activity.Text);
        Assert.Equal(kind, activity.ChannelData!.Value.GetProperty("nonText").GetString());
        Assert.Equal("ar", activity.Locale);
    }

    // Found walking Telegram: a photo captioned "what is this document? residence permit" got "I can only read text".
    [Fact]
    public void A_photo_with_a_caption_is_read_by_its_caption_and_keeps_its_marker()
    {
        var activity = TelegramActivityMapper.ToActivity(Parse(MessageUpdate(
            "\"photo\":[{\"file_id\":\"a\",\"file_unique_id\":\"b\",\"width\":1,\"height\":1}],\"caption\":\"what is this document? residence permit\"")), "1")!;

        Assert.Equal("what is this document? residence permit", activity.Text);
        Assert.Equal("photo", activity.ChannelData!.Value.GetProperty("nonText").GetString());
    }

    [Fact]
    public void Button_press_becomes_a_message_with_the_button_value()
    {
        const string json = """{"update_id":7,"callback_query":{"id":"cbq1","chat_instance":"x","data":"lang:sl","from":{"id":42,"is_bot":false,"first_name":"A","language_code":"sl"},"message":{"message_id":9,"date":1700000000,"chat":{"id":42,"type":"private"}}}}""";

        var activity = TelegramActivityMapper.ToActivity(Parse(json), "1")!;

        Assert.Equal("lang:sl", activity.Text);
        Assert.Equal("42", activity.Conversation!.Id);
        Assert.Equal("7", activity.Id);
        Assert.True(ButtonPress.IsPress(activity));
    }

    [Fact]
    public void A_typed_message_is_not_a_button_press()
    {
        const string json = """{"update_id":6,"message":{"message_id":8,"date":1700000000,"text":"العربية","chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"A"}}}""";

        Assert.False(ButtonPress.IsPress(TelegramActivityMapper.ToActivity(Parse(json), "1")!));
    }

    [Fact]
    public void Edited_messages_and_unknown_updates_are_ignored()
    {
        Assert.Null(TelegramActivityMapper.ToActivity(Parse("""{"update_id":8,"edited_message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":"x"}}"""), "1"));
        Assert.Null(TelegramActivityMapper.ToActivity(Parse("""{"update_id":9,"something_new":{"a":1}}"""), "1"));
    }

    [Fact]
    public void Reply_text_is_html_escaped_and_suggested_actions_become_an_inline_keyboard()
    {
        var reply = Reply("Tax <number> & \"EMŠO\"") with
        {
            SuggestedActions = new SuggestedActions([CardAction.Im("👍", "yes"), CardAction.Im("👎", "no")]),
        };

        var request = Assert.Single(TelegramActivityMapper.ToSendMessageRequests(reply, new InMemoryCallbackDataStore()));

        Assert.Equal("Tax &lt;number&gt; &amp; &quot;EMŠO&quot;", request.Text);
        Assert.Equal(ParseMode.Html, request.ParseMode);
        Assert.Equal(42, request.ChatId.Identifier);
        var buttons = ((InlineKeyboardMarkup)request.ReplyMarkup!).InlineKeyboard.SelectMany(r => r).ToList();
        Assert.Equal(["yes", "no"], buttons.Select(b => b.CallbackData));
        Assert.Equal(["👍", "👎"], buttons.Select(b => b.Text));
    }

    [Fact]
    public void Long_button_value_goes_through_a_short_token_that_resolves_back()
    {
        var store = new InMemoryCallbackDataStore();
        var value = "Bosanski / Hrvatski / Srpski — izaberite jezik razgovora (" + new string('ž', 40) + ")";
        var reply = Reply("?") with { SuggestedActions = new SuggestedActions([CardAction.Im("BCS", value)]) };

        var data = ((InlineKeyboardMarkup)TelegramActivityMapper.ToSendMessageRequests(reply, store)[0].ReplyMarkup!)
            .InlineKeyboard.Single().Single().CallbackData!;

        Assert.InRange(Encoding.UTF8.GetByteCount(data), 1, 64);
        var press = Parse("""{"update_id":3,"callback_query":{"id":"q","chat_instance":"x","data":"DATA","from":{"id":5,"is_bot":false,"first_name":"A"}}}""".Replace("DATA", data, StringComparison.Ordinal));
        Assert.Equal(value, TelegramActivityMapper.ToActivity(press, "1", store)!.Text);
    }

    [Fact]
    public void Forgotten_token_falls_back_to_the_pressed_buttons_title()
    {
        var token = InMemoryCallbackDataStore.TokenFor(new string('x', 100));
        var press = Parse("""{"update_id":3,"callback_query":{"id":"q","chat_instance":"x","data":"TOKEN","from":{"id":5,"is_bot":false,"first_name":"A"},"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"reply_markup":{"inline_keyboard":[[{"text":"Stanovanje","callback_data":"TOKEN"}]]}}}}""".Replace("TOKEN", token, StringComparison.Ordinal));

        Assert.Equal("Stanovanje", TelegramActivityMapper.ToActivity(press, "1", new InMemoryCallbackDataStore())!.Text);
    }

    [Fact]
    public void Text_over_4096_is_split_with_the_keyboard_on_the_last_part()
    {
        var text = string.Concat(Enumerable.Repeat("Zdravstveno zavarovanje uredite na ZZZS. ", 250));
        var reply = Reply(text) with { SuggestedActions = new SuggestedActions([CardAction.Im("Meni", "menu")]) };

        var requests = TelegramActivityMapper.ToSendMessageRequests(reply, new InMemoryCallbackDataStore());

        Assert.True(requests.Count >= 3);
        Assert.All(requests, r => Assert.InRange(r.Text.Length, 1, 4096));
        Assert.All(requests.SkipLast(1), r => Assert.Null(r.ReplyMarkup));
        Assert.NotNull(requests[^1].ReplyMarkup);
    }

    [Fact]
    public void Hero_card_becomes_bold_title_text_and_buttons()
    {
        var card = new HeroCard("Health", null, "Call 112", [CardAction.Im("More", "health-more"), new CardAction(CardAction.OpenUrl, "ZZZS", "https://www.zzzs.si/")]);
        var reply = Reply(null) with { Attachments = [Attachment.FromHeroCard(card)] };

        var request = Assert.Single(TelegramActivityMapper.ToSendMessageRequests(reply, new InMemoryCallbackDataStore()));

        Assert.Equal("<b>Health</b>\n\nCall 112", request.Text);
        var buttons = ((InlineKeyboardMarkup)request.ReplyMarkup!).InlineKeyboard.SelectMany(r => r).ToList();
        Assert.Equal("health-more", buttons[0].CallbackData);
        Assert.Equal("https://www.zzzs.si/", buttons[1].Url);
    }

    [Fact]
    public void Typing_becomes_a_chat_action_and_no_message()
    {
        var typing = Reply(null) with { Type = ActivityTypes.Typing };

        Assert.Empty(TelegramActivityMapper.ToSendMessageRequests(typing, new InMemoryCallbackDataStore()));
        Assert.Equal(ChatAction.Typing, TelegramActivityMapper.ToChatAction(typing)!.Action);
    }

    internal static Activity Reply(string? text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "telegram",
        Conversation = new ConversationAccount("42"),
        Recipient = new ChannelAccount("42"),
        Text = text,
    };
}
