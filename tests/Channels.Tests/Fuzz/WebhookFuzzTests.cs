using System.Net;
using System.Text;
using IntegrationBot.Channels.Telegram;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Channels.Tests.Telegram;
using IntegrationBot.Channels.Tests.Viber;
using IntegrationBot.Channels.Viber;

namespace IntegrationBot.Channels.Tests.Fuzz;

/// <summary>10,000 generated bodies per endpoint through the real ASP.NET Core pipeline: every answer is 200 (handled or
/// ignored) or 4xx; never a 5xx, never an exception. The seed is fixed, so a failure names a reproducible input.</summary>
public sealed class WebhookFuzzTests
{
    private const int InputsPerEndpoint = 10_000;

    private static readonly string[] TelegramSamples =
    [
        """{"update_id":10,"message":{"message_id":1,"date":1700000000,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"A","language_code":"sl"},"text":"Kje je upravna enota?"}}""",
        """{"update_id":11,"message":{"message_id":2,"date":1700000000,"chat":{"id":-100,"type":"supergroup","title":"g"},"from":{"id":42,"is_bot":false,"first_name":"A"},"text":"/start@bot x","entities":[{"type":"bot_command","offset":0,"length":10}]}}""",
        """{"update_id":12,"message":{"message_id":3,"date":1700000000,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"A"},"photo":[{"file_id":"f","file_unique_id":"u","width":1,"height":1}],"caption":"c"}}""",
        """{"update_id":13,"callback_query":{"id":"q","chat_instance":"1","data":"lang:sl","from":{"id":42,"is_bot":false,"first_name":"A"},"message":{"message_id":4,"date":1700000000,"chat":{"id":42,"type":"private"},"reply_markup":{"inline_keyboard":[[{"text":"t","callback_data":"d"}]]}}}}""",
        """{"update_id":14,"edited_message":{"message_id":1,"date":1700000000,"edit_date":1700000001,"chat":{"id":42,"type":"private"},"text":"x"}}""",
        """{"update_id":15,"my_chat_member":{"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"A"},"date":1,"old_chat_member":{"status":"member","user":{"id":1,"is_bot":true,"first_name":"b"}},"new_chat_member":{"status":"kicked","until_date":0,"user":{"id":1,"is_bot":true,"first_name":"b"}}}}""",
        """{"update_id":16,"message":{"message_id":5,"date":1700000000,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"A"},"location":{"latitude":45.7,"longitude":14.2},"forward_origin":{"type":"user","date":1,"sender_user":{"id":3,"is_bot":false,"first_name":"c"}}}}""",
    ];

    private static readonly string[] ViberSamples =
    [
        """{"event":"message","timestamp":1457764197627,"message_token":4912661846655238145,"sender":{"id":"01234567890A=","name":"John","language":"en","country":"SI","api_version":8},"message":{"type":"text","text":"Hello","tracking_data":"t"}}""",
        """{"event":"message","timestamp":1457764197627,"message_token":4912661846655238146,"sender":{"id":"01234567890A="},"message":{"type":"picture","media":"http://x/y.jpg","thumbnail":"http://x/t.jpg"}}""",
        """{"event":"conversation_started","timestamp":1457764197627,"message_token":4912661846655238145,"type":"open","context":"c","user":{"id":"01234567890A=","name":"J","language":"ar","country":"SI","api_version":1},"subscribed":false}""",
        """{"event":"subscribed","timestamp":1457764197627,"user":{"id":"01234567890A=","name":"J"},"message_token":4912661846655238145}""",
        """{"event":"unsubscribed","timestamp":1457764197627,"user_id":"01234567890A=","message_token":4912661846655238145}""",
        """{"event":"delivered","timestamp":1457764197627,"message_token":491266184665523145,"user_id":"01234567890A="}""",
        """{"event":"failed","timestamp":1457764197627,"message_token":491266184665523145,"user_id":"01234567890A=","desc":"d"}""",
        """{"event":"webhook","timestamp":1457764197627,"chat_hostname":"SN-376_","message_token":241256543215}""",
    ];

    private static readonly string[] Vocabulary =
    [
        "update_id", "message", "text", "chat", "id", "from", "is_bot", "first_name", "language_code", "callback_query",
        "data", "date", "type", "photo", "entities", "reply_markup", "inline_keyboard", "event", "message_token",
        "sender", "user", "user_id", "timestamp", "subscribed", "tracking_data", "media", "name", "api_version",
    ];

    [Fact]
    public async Task Telegram_webhook_answers_every_generated_input_with_200_or_4xx()
    {
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(TelegramSettings.For(api));

        await AssertEveryAnswerIs200Or4xxAsync(new FuzzCorpus(20261123, TelegramSamples, Vocabulary), async (body, i) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation(TelegramWebhookEndpoint.SecretHeader, i % 20 == 0 ? "wrong" : TelegramSettings.Secret);
            return (await host.Client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
        });
    }

    [Fact]
    public async Task Viber_webhook_answers_every_generated_input_with_200_or_4xx_even_when_correctly_signed()
    {
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(ViberSettings.For(api));

        await AssertEveryAnswerIs200Or4xxAsync(new FuzzCorpus(11232026, ViberSamples, Vocabulary), async (body, i) =>
        {
            var signature = i % 20 == 0 ? new string('0', 64) : ViberSignature.Compute(body, FakeViberApi.AuthToken);
            return (await ViberWebhookTests.PostAsync(host.Client, body, signature)).StatusCode;
        });
    }

    /// <summary>Posts <see cref="InputsPerEndpoint"/> bodies; every 20th must carry a wrong secret or signature.</summary>
    private static async Task AssertEveryAnswerIs200Or4xxAsync(FuzzCorpus corpus, Func<byte[], int, Task<HttpStatusCode>> post)
    {
        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < InputsPerEndpoint; i++)
        {
            var body = corpus.Next(i);
            var status = await post(body, i);
            Assert.True(status == HttpStatusCode.OK || (int)status is >= 400 and < 500, Describe(i, status, body));
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }

        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > 500, "the corpus must also reach the bot");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 3000);
        Assert.Equal(InputsPerEndpoint / 20, statuses.GetValueOrDefault(HttpStatusCode.Unauthorized));
    }

    private static string Describe(int index, HttpStatusCode status, byte[] body) =>
        $"input #{index} got {(int)status}: {Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300))}";

    /// <summary>The same hostile inputs through the real runtime (LiteDB, outbox, a bot), where storage could choke
    /// on what the parser let through (lone surrogates, control characters, huge ids): still never a 5xx.</summary>
    [Fact]
    public async Task Both_webhooks_on_the_real_runtime_never_answer_5xx()
    {
        using var data = new IntegrationBot.TestSupport.TempDataDirectory();
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var viber = await FakeViberApi.StartAsync();
        var settings = TelegramSettings.For(telegram);
        foreach (var (key, value) in ViberSettings.For(viber))
        {
            settings[key] = value;
        }
        await using var host = await ChannelTestHost.StartWithBotAsync(settings, new MenuBot(), data.Path);
        var telegramCorpus = new FuzzCorpus(7, TelegramSamples, Vocabulary);
        var viberCorpus = new FuzzCorpus(8, ViberSamples, Vocabulary);

        for (var i = 0; i < 1_000; i++)
        {
            var body = telegramCorpus.Next(i);
            using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoint.Path) { Content = new ByteArrayContent(body) };
            request.Headers.TryAddWithoutValidation(TelegramWebhookEndpoint.SecretHeader, TelegramSettings.Secret);
            var status = (await host.Client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
            Assert.True((int)status < 500, Describe(i, status, body));

            body = viberCorpus.Next(i);
            status = (await ViberWebhookTests.PostAsync(host.Client, body, ViberSignature.Compute(body, FakeViberApi.AuthToken))).StatusCode;
            Assert.True((int)status < 500, Describe(i, status, body));
        }
    }
}
