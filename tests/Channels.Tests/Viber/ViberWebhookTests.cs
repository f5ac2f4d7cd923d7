using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationBot.Channels.Common;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.TestSupport;
using IntegrationBot.Channels.Viber;
using IntegrationBot.Dialogs.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Channels.Tests.Viber;

public sealed class ViberWebhookTests
{
    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, string? signature, CancellationTokenSource? hangUp = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ViberWebhookEndpoint.Path) { Content = new ByteArrayContent(body) };
        if (signature is not null)
        {
            request.Headers.Add(ViberSignature.Header, signature);
        }
        return await client.SendAsync(request, hangUp?.Token ?? TestContext.Current.CancellationToken);
    }

    internal static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string body, CancellationTokenSource? hangUp = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return PostAsync(client, bytes, ViberSignature.Compute(bytes, FakeViberApi.AuthToken), hangUp);
    }

    private static string Message(long token, string text = "Kako dobijem radnu dozvolu?") =>
        """{"event":"message","timestamp":1457764197627,"message_token":TOKEN,"sender":{"id":"01234567890A=","name":"Nedim","language":"bs","country":"SI","api_version":8},"message":{"type":"text","text":"TEXT"}}"""
            .Replace("TOKEN", token.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("TEXT", text, StringComparison.Ordinal);

    [Fact]
    public async Task Bad_signature_is_rejected_with_401_before_parsing()
    {
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(ViberSettings.For(api));
        var body = Encoding.UTF8.GetBytes(Message(1));

        var unsigned = await PostAsync(host.Client, body, null);
        var forged = await PostAsync(host.Client, body, ViberSignature.Compute(body, "another-token"));
        var garbage = await PostAsync(host.Client, "{{{"u8.ToArray(), "00");

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Empty(host.Inbound.Received);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"event\":5}")]
    [InlineData("{\"timestamp\":1}")]
    [InlineData("{\"event\":\"message\",\"message_token\":\"abc\"}")]
    [InlineData("{\"event\":\"message\",\"message_token\":1}")]
    public async Task Signed_but_malformed_callback_is_rejected_with_400(string body)
    {
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(ViberSettings.For(api));

        var response = await PostSignedAsync(host.Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Message_reaches_the_bot_once_even_when_Viber_repeats_it()
    {
        await using var api = await FakeViberApi.StartAsync();
        using var data = new TempDataDirectory();
        await using var host = await ChannelTestHost.StartOnRuntimeAsync(ViberSettings.For(api), data.Path);

        var first = await PostSignedAsync(host.Client, Message(4912661846655238145));
        var repeat = await PostSignedAsync(host.Client, Message(4912661846655238145));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var activity = Assert.Single(host.Inbound.Received);
        Assert.Equal("4912661846655238145", activity.Id);
        Assert.Equal("bs", activity.Locale);
    }

    [Fact]
    public async Task Message_whose_connection_Viber_resets_mid_turn_is_still_answered_once_and_its_redelivery_waits_for_it()
    {
        await using var api = await FakeViberApi.StartAsync();
        using var data = new TempDataDirectory();
        await using var host = await ChannelTestHost.StartOnRuntimeAsync(ViberSettings.For(api), data.Path);
        await HangUpScenario.RunAsync(host, hangUp => PostSignedAsync(host.Client, Message(610), hangUp), "610");
    }

    [Fact]
    public async Task A_sender_id_far_longer_than_vibers_is_a_400_not_a_failed_turn_viber_would_redeliver_forever()
    {
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(ViberSettings.For(api));

        var response = await PostSignedAsync(host.Client, Message(91).Replace("01234567890A=", new string('A', 1100), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Inbound.Received);
    }

    [Fact]
    public async Task Failed_turn_answers_503_so_Viber_redelivers_and_the_redelivery_is_processed()
    {
        await using var api = await FakeViberApi.StartAsync();
        using var data = new TempDataDirectory();
        await using var host = await ChannelTestHost.StartOnRuntimeAsync(ViberSettings.For(api), data.Path);
        host.Inbound.FailNext = 1;

        var failed = await PostSignedAsync(host.Client, Message(88));
        var redelivered = await PostSignedAsync(host.Client, Message(88));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal("88", Assert.Single(host.Inbound.Received).Id);
    }

    [Fact]
    public async Task Oversized_callback_is_refused_with_413_before_its_signature_is_checked()
    {
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(ViberSettings.For(api));
        var oversized = Encoding.UTF8.GetBytes(Message(5, new string('a', 1024 * 1024)));

        var signed = await PostAsync(host.Client, oversized, ViberSignature.Compute(oversized, FakeViberApi.AuthToken));
        var unsigned = await PostAsync(host.Client, oversized, null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, signed.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, unsigned.StatusCode);
        Assert.Empty(host.Inbound.Received);
    }

    [Theory]
    [InlineData("""{"event":"webhook","timestamp":1457764197627,"chat_hostname":"SN-376_","message_token":241256543215}""")]
    [InlineData("""{"event":"delivered","timestamp":1457764197627,"message_token":491266184665523145,"user_id":"01234567890A="}""")]
    [InlineData("""{"event":"seen","timestamp":1457764197627,"message_token":491266184665523145,"user_id":"01234567890A="}""")]
    [InlineData("""{"event":"failed","timestamp":1457764197627,"message_token":491266184665523145,"user_id":"01234567890A=","desc":"failure description"}""")]
    [InlineData("""{"event":"client_status","timestamp":1457764197627}""")]
    public async Task Status_callbacks_are_acknowledged(string body)
    {
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(ViberSettings.For(api));

        var response = await PostSignedAsync(host.Client, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Inbound.Received);
    }

    [Fact]
    public async Task Unsubscribe_marks_the_user_and_a_later_message_resubscribes_them()
    {
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(ViberSettings.For(api));
        var subscribers = host.Services.GetRequiredService<IViberSubscribers>();

        await PostSignedAsync(host.Client, """{"event":"unsubscribed","timestamp":1457764197627,"user_id":"01234567890A=","message_token":4912661846655238145}""");
        Assert.True(subscribers.IsUnsubscribed("01234567890A="));

        await PostSignedAsync(host.Client, Message(17));
        Assert.False(subscribers.IsUnsubscribed("01234567890A="));
    }

    [Fact]
    public async Task Conversation_started_is_answered_with_the_welcome_in_the_response_body()
    {
        await using var api = await FakeViberApi.StartAsync();
        var welcomes = new RecordingWelcome();
        await using var host = await ChannelTestHost.StartAsync(ViberSettings.For(api),
            s => s.AddKeyedSingleton<IWelcomeActivitySource>("viber", welcomes));

        var response = await PostSignedAsync(host.Client, """{"event":"conversation_started","timestamp":1457764197627,"message_token":4912661846655238145,"type":"open","context":"","user":{"id":"01234567890A=","name":"John","language":"en","country":"SI","api_version":8},"subscribed":false}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Null(json["receiver"]);
        Assert.Equal("text", json["type"]!.GetValue<string>());
        Assert.Equal("Welcome · Dobrodošli · Mirë se vini", json["text"]!.GetValue<string>());
        Assert.Equal("IntegrationBot Postojna", json["sender"]!["name"]!.GetValue<string>());
        Assert.Equal("en", json["keyboard"]!["Buttons"]![1]!["ActionBody"]!.GetValue<string>());
        Assert.Equal("01234567890A=", Assert.Single(welcomes.Asked).MembersAdded![0].Id);
        Assert.Empty(api.CallsTo("send_message"));
    }

    [Fact]
    public async Task Endpoint_is_404_when_Viber_is_not_configured()
    {
        await using var host = await ChannelTestHost.StartAsync(new Dictionary<string, string?>());

        var response = await PostSignedAsync(host.Client, Message(1));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_is_registered_at_start_when_a_public_url_is_set()
    {
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartAsync(ViberSettings.For(api, "https://bot.postojna.example"));

        var call = Assert.Single(await api.WaitForCallsAsync("set_webhook", 1));

        Assert.Equal("https://bot.postojna.example/api/viber", call["url"]!.GetValue<string>());
        Assert.Contains("conversation_started", call["event_types"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    private sealed class RecordingWelcome : IWelcomeActivitySource
    {
        public List<Activity> Asked { get; } = [];

        public Task<Activity?> GetWelcomeAsync(Activity conversationUpdate, CancellationToken cancellationToken)
        {
            Asked.Add(conversationUpdate);
            return Task.FromResult<Activity?>(conversationUpdate.CreateReply("Welcome · Dobrodošli · Mirë se vini") with
            {
                SuggestedActions = new SuggestedActions([CardAction.Im("Slovenščina", "sl"), CardAction.Im("English", "en")]),
            });
        }
    }
}
