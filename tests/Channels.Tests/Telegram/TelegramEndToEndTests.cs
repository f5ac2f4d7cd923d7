using System.Net;
using System.Text.Json.Nodes;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Channels.Tests.Telegram;

/// <summary>Webhook in → BotInbound → TurnRunner: durable turn on LiteDB → outbox → TelegramChannelSender → fake Bot API.</summary>
public sealed class TelegramEndToEndTests
{
    /// <summary>A Telegram text message update from chat 4242, as the webhook receives it.</summary>
    internal static string Update(int id, string text) => new JsonObject
    {
        ["update_id"] = id,
        ["message"] = new JsonObject
        {
            ["message_id"] = id, ["date"] = 1700000000, ["text"] = text,
            ["chat"] = new JsonObject { ["id"] = 4242, ["type"] = "private" },
            ["from"] = new JsonObject { ["id"] = 4242, ["is_bot"] = false, ["first_name"] = "Ana", ["language_code"] = "sl" },
        },
    }.ToJsonString();

    [Fact]
    public async Task Webhook_message_is_answered_through_the_outbox_once_even_when_redelivered()
    {
        using var data = new TempDataDirectory();
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartWithBotAsync(TelegramSettings.For(api), new MenuBot(), data.Path);

        var first = await TelegramWebhookTests.PostAsync(host.Client, Update(31, "a < b & c"));
        var repeat = await TelegramWebhookTests.PostAsync(host.Client, Update(31, "a < b & c"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var sent = Assert.Single(await api.WaitForCallsAsync("sendMessage", 1));
        Assert.Equal(4242, sent.Parameters["chat_id"]!.GetValue<long>());
        Assert.Equal("you said: a &lt; b &amp; c", sent.Parameters["text"]!.GetValue<string>());
        Assert.Equal("sl", sent.Parameters["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());
        await TelegramWebhookTests.PostAsync(host.Client, Update(32, "next"));
        await api.WaitForCallsAsync("sendMessage", 2);
        Assert.Equal(2, api.CallsTo("sendMessage").Count);
    }

    [Fact]
    public async Task Reply_rate_limited_by_Telegram_is_delivered_after_retry_after()
    {
        using var data = new TempDataDirectory();
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartWithBotAsync(TelegramSettings.For(api), new MenuBot(), data.Path);
        api.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);

        await TelegramWebhookTests.PostAsync(host.Client, Update(40, "hello"));

        var calls = await api.WaitForCallsAsync("sendMessage", 2);
        Assert.Equal("you said: hello", calls[1].Parameters["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Button_press_is_answered_and_its_value_reaches_the_bot()
    {
        using var data = new TempDataDirectory();
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartWithBotAsync(TelegramSettings.For(api), new MenuBot(), data.Path);
        const string press = """{"update_id":50,"callback_query":{"id":"cq-50","chat_instance":"1","data":"ar","from":{"id":4242,"is_bot":false,"first_name":"A"},"message":{"message_id":3,"date":1700000000,"chat":{"id":4242,"type":"private"}}}}""";

        await TelegramWebhookTests.PostAsync(host.Client, press);

        Assert.Single(api.CallsTo("answerCallbackQuery"));
        var sent = Assert.Single(await api.WaitForCallsAsync("sendMessage", 1));
        Assert.Equal("you said: ar", sent.Parameters["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Photo_reaches_the_bot_as_non_text()
    {
        using var data = new TempDataDirectory();
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartWithBotAsync(TelegramSettings.For(api), new MenuBot(), data.Path);
        const string photo = """{"update_id":60,"message":{"message_id":1,"date":1700000000,"chat":{"id":4242,"type":"private"},"from":{"id":4242,"is_bot":false,"first_name":"A"},"photo":[{"file_id":"f","file_unique_id":"u","width":90,"height":90}]}}""";

        await TelegramWebhookTests.PostAsync(host.Client, photo);

        var sent = Assert.Single(await api.WaitForCallsAsync("sendMessage", 1));
        Assert.Equal("you said: non-text: photo", sent.Parameters["text"]!.GetValue<string>());
    }
}
