using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Channels.Tests.Telegram;

public sealed class TelegramWebhookTests
{
    private static string TextUpdate(int id, string text = "Kje dobim davčno številko?") =>
        new JsonObject
        {
            ["update_id"] = id,
            ["message"] = new JsonObject
            {
                ["message_id"] = id, ["date"] = 1700000000, ["text"] = text,
                ["chat"] = new JsonObject { ["id"] = 42, ["type"] = "private" },
                ["from"] = new JsonObject { ["id"] = 42, ["is_bot"] = false, ["first_name"] = "Ana", ["language_code"] = "sl" },
            },
        }.ToJsonString();

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? secret = TelegramSettings.Secret, CancellationTokenSource? hangUp = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        }
        return await client.SendAsync(request, hangUp?.Token ?? TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3cret_Webhook-tokeN")]
    [InlineData("s3cret_Webhook-token ")]
    public async Task Update_without_the_right_secret_is_rejected_with_401(string? secret)
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));

        var response = await PostAsync(host.Client, TextUpdate(1), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Inbound.Received);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"update_id\":\"x\"}")]
    [InlineData("{\"message\":{\"text\":\"no update id\"}}")]
    public async Task Malformed_update_is_rejected_with_400(string body)
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));

        var response = await PostAsync(host.Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Valid_update_is_acknowledged_and_reaches_the_bot_once_even_when_redelivered()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        using var data = new TempDataDirectory();
        await using var host = await ChannelTestHost.StartOnRuntimeAsync(TelegramSettings.For(api), data.Path);

        var first = await PostAsync(host.Client, TextUpdate(500));
        var repeat = await PostAsync(host.Client, TextUpdate(500));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var activity = Assert.Single(host.Inbound.Received);
        Assert.Equal("500", activity.Id);
        Assert.Equal("sl", activity.Locale);
    }

    [Fact]
    public async Task Failed_turn_answers_503_so_Telegram_redelivers_and_the_redelivery_is_processed()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        using var data = new TempDataDirectory();
        await using var host = await ChannelTestHost.StartOnRuntimeAsync(TelegramSettings.For(api), data.Path);
        host.Inbound.FailNext = 1;

        var failed = await PostAsync(host.Client, TextUpdate(77));
        var redelivered = await PostAsync(host.Client, TextUpdate(77));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Single(host.Inbound.Received);
    }

    [Fact]
    public async Task Update_whose_sender_hangs_up_mid_turn_is_still_answered_once_and_its_redelivery_waits_for_it()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        using var data = new TempDataDirectory();
        await using var host = await ChannelTestHost.StartOnRuntimeAsync(TelegramSettings.For(api), data.Path);
        await HangUpScenario.RunAsync(host, hangUp => PostAsync(host.Client, TextUpdate(610), hangUp: hangUp), "610");
    }

    [Fact]
    public async Task Accepted_update_is_not_cancelled_when_its_sender_hangs_up()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));
        var hold = new TaskCompletionSource();
        host.Inbound.Hold = hold;
        var update = System.Text.Json.JsonSerializer.Deserialize<global::Telegram.Bot.Types.Update>(TextUpdate(611), global::Telegram.Bot.JsonBotAPI.Options)!;
        using var hangUp = new CancellationTokenSource();
        var handler = host.Services.GetRequiredService<TelegramUpdateHandler>();

        var turn = handler.HandleAsync(update, hangUp.Token); // the webhook passes the request's aborted token
        await host.Inbound.HoldStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await hangUp.CancelAsync();
        hold.SetResult();
        await Record.ExceptionAsync(() => turn);

        Assert.Equal("611", Assert.Single(host.Inbound.Received).Id);
    }

    [Fact]
    public async Task Oversized_update_is_refused_with_413_but_only_after_the_secret_is_checked()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));
        var oversized = TextUpdate(3, new string('a', 1024 * 1024));

        var withSecret = await PostAsync(host.Client, oversized);
        var withoutSecret = await PostAsync(host.Client, oversized, "wrong");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutSecret.StatusCode);
        Assert.Empty(host.Inbound.Received);
    }

    [Fact]
    public async Task Button_press_is_answered_at_once_then_processed_as_its_value()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));
        const string press = """{"update_id":900,"callback_query":{"id":"4382bfdwdsb323b2d9","chat_instance":"-1","data":"lang:en","from":{"id":42,"is_bot":false,"first_name":"A"},"message":{"message_id":3,"date":1700000000,"chat":{"id":42,"type":"private"}}}}""";

        var response = await PostAsync(host.Client, press);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = Assert.Single(api.CallsTo("answerCallbackQuery"));
        Assert.Equal("4382bfdwdsb323b2d9", answer.Parameters["callback_query_id"]!.GetValue<string>());
        Assert.Equal("lang:en", Assert.Single(host.Inbound.Received).Text);
    }

    [Fact]
    public async Task Unknown_update_kind_is_acknowledged_and_ignored()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));

        var response = await PostAsync(host.Client, """{"update_id":5,"brand_new_kind":{"x":[1,2]}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Inbound.Received);
    }

    [Fact]
    public async Task Endpoint_is_404_when_Telegram_is_not_configured()
    {
        await using var host = await ChannelTestHost.StartAsync(new Dictionary<string, string?>());

        var response = await PostAsync(host.Client, TextUpdate(1));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_is_registered_at_start_with_secret_and_allowed_updates_when_a_public_url_is_set()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api, "https://bot.postojna.example/"));

        var call = Assert.Single(await api.WaitForCallsAsync("setWebhook", 1));

        Assert.Equal("https://bot.postojna.example/api/telegram", call.Parameters["url"]!.GetValue<string>());
        Assert.Equal(TelegramSettings.Secret, call.Parameters["secret_token"]!.GetValue<string>());
        Assert.Equal(["message", "callback_query"], call.Parameters["allowed_updates"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task No_webhook_is_registered_without_a_public_url()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));

        await PostAsync(host.Client, TextUpdate(1));

        Assert.Empty(api.CallsTo("setWebhook"));
    }

    [Fact]
    public async Task Polling_mode_fetches_updates_and_confirms_them_with_the_next_offset()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        api.QueueUpdate(JsonNode.Parse(TextUpdate(10))!.AsObject());
        api.QueueUpdate(JsonNode.Parse(TextUpdate(11, "/start"))!.AsObject());
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api, mode: "polling"));

        await host.Inbound.WaitForAsync(2);
        var polls = await api.WaitForCallsAsync("getUpdates", 2);

        Assert.Equal(["10", "11"], host.Inbound.Received.Select(a => a.Id));
        Assert.NotEmpty(api.CallsTo("deleteWebhook"));
        Assert.Contains(polls, p => p.Parameters["offset"]?.GetValue<int>() == 12);
        var repost = await PostAsync(host.Client, TextUpdate(99));
        Assert.Equal(HttpStatusCode.NotFound, repost.StatusCode);
    }

    [Theory]
    [InlineData("IntegrationBot:Channels:Telegram:WebhookSecret", "has spaces and ünïcode")]
    [InlineData("IntegrationBot:Channels:Telegram:Mode", "push")]
    public async Task Host_refuses_to_start_with_invalid_Telegram_settings(string key, string value)
    {
        await using var api = await FakeTelegramApi.StartAsync();
        var settings = TelegramSettings.For(api);
        settings[key] = value;

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => ChannelTestHost.StartAsync(settings));

        Assert.Contains(key, error.Message);
    }
}
