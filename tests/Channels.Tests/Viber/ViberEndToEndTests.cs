using System.Net;
using System.Text.Json.Nodes;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.TestSupport;

namespace IntegrationBot.Channels.Tests.Viber;

/// <summary>Webhook in → BotInbound → TurnRunner: durable turn on LiteDB → outbox → ViberChannelSender → fake Viber API.</summary>
public sealed class ViberEndToEndTests
{
    private static string Message(long token, string text, string user = "01234567890A=") =>
        new JsonObject
        {
            ["event"] = "message", ["timestamp"] = 1457764197627, ["message_token"] = token,
            ["sender"] = new JsonObject { ["id"] = user, ["name"] = "Arben", ["language"] = "sq", ["api_version"] = 8 },
            ["message"] = new JsonObject { ["type"] = "text", ["text"] = text },
        }.ToJsonString();

    [Fact]
    public async Task Message_is_answered_through_the_outbox_once_even_when_Viber_repeats_it()
    {
        using var data = new TempDataDirectory();
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartWithBotAsync(ViberSettings.For(api), new MenuBot(), data.Path);

        var first = await ViberWebhookTests.PostSignedAsync(host.Client, Message(900, "Përshëndetje"));
        var repeat = await ViberWebhookTests.PostSignedAsync(host.Client, Message(900, "Përshëndetje"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var sent = Assert.Single(await api.WaitForCallsAsync("send_message", 1));
        Assert.Equal("01234567890A=", sent["receiver"]!.GetValue<string>());
        Assert.Equal("you said: Përshëndetje", sent["text"]!.GetValue<string>());
        Assert.Equal("IntegrationBot Postojna", sent["sender"]!["name"]!.GetValue<string>());
        Assert.Equal("reply", sent["keyboard"]!["Buttons"]![0]!["ActionType"]!.GetValue<string>());
        await ViberWebhookTests.PostSignedAsync(host.Client, Message(901, "again"));
        await api.WaitForCallsAsync("send_message", 2);
        Assert.Equal(2, api.CallsTo("send_message").Count);
    }

    [Fact]
    public async Task Conversation_started_gets_the_bots_welcome_in_the_answer_and_no_second_copy()
    {
        using var data = new TempDataDirectory();
        await using var api = await FakeViberApi.StartAsync();
        await using var host = await ChannelTestHost.StartWithBotAsync(ViberSettings.For(api), new MenuBot(), data.Path);

        var response = await ViberWebhookTests.PostSignedAsync(host.Client, """{"event":"conversation_started","timestamp":1457764197627,"message_token":77,"type":"open","user":{"id":"new-user=","name":"N","language":"ar","api_version":8},"subscribed":false}""");

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Welcome <1/5>", json["text"]!.GetValue<string>());
        Assert.Null(json["receiver"]);
        Assert.Equal("ar", json["keyboard"]!["Buttons"]![1]!["ActionBody"]!.GetValue<string>());
        // The next message's reply goes out; the welcome (already shown) never does.
        await ViberWebhookTests.PostSignedAsync(host.Client, Message(78, "hi", "new-user="));
        var sent = Assert.Single(await api.WaitForCallsAsync("send_message", 1));
        Assert.Equal("you said: hi", sent["text"]!.GetValue<string>());
    }
}
