using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.Tests.Fakes;
using IntegrationBot.Channels.Viber;
using IntegrationBot.Handoff.Queue;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>
/// A first message that asks for a person, on the real host over each channel: one consent question, whose Accept
/// passes the request on. Web chat and Viber open with the privacy notice, so the answer only says what its Accept
/// now does; Telegram has shown nothing yet, so the one question carries the notice's terms.
/// </summary>
public sealed class FirstCounselorRequestTests
{
    private const string NoticeStart = "Before we start: I keep your messages";
    private const string HandoffNotice = "To pass your request to a counselor I need to keep your messages: I keep them and your language choice for 90 days, and only counselors of the Starting Point office see them. You can delete everything at any time by writing /delete. If you accept, I pass your request to a counselor straight away.";
    private const string HandoffOnAccept = "When you accept the privacy notice above, I pass your request to a counselor straight away.";
    private const string ViberUser = "first-request-user=";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Web_chat()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var issued = await host.Client.PostAsJsonAsync("/api/webchat/token", new { locale = "en-US" }, ct);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>(ct);
        var chat = new WebChat(body.GetProperty("conversationId").GetString()!, body.GetProperty("userId").GetString()!, body.GetProperty("token").GetString()!);
        using (var start = ChatHost.Request(HttpMethod.Post, "/v3/directline/conversations", chat.Token))
        {
            (await host.Client.SendAsync(start, ct)).EnsureSuccessStatusCode();
        }

        await BotTextsAsync(host, chat, 1, ct);
        await host.SendAsync(chat, "I want to talk to a person", ct);
        var texts = await BotTextsAsync(host, chat, 2, ct);
        await host.SendAsync(chat, "Accept", ct);

        Assert.StartsWith(NoticeStart, texts[0], StringComparison.Ordinal);
        Assert.Equal(HandoffOnAccept, texts[1]);
        await QueuedAsync(host, "webchat", ct);
    }

    [Fact]
    public async Task Telegram()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeTelegramApi.StartAsync();
        await using var host = CounselorReplyOverTelegramTests.StartHost(api);

        Assert.Equal(HttpStatusCode.OK, (await CounselorReplyOverTelegramTests.PostUpdateAsync(host, 1, "I want to talk to a person", ct)).StatusCode);
        await WaitForAsync(() => api.CallsTo("sendMessage").Count >= 1, ct);
        Assert.Equal(HttpStatusCode.OK, (await CounselorReplyOverTelegramTests.PostUpdateAsync(host, 2, "Accept", ct)).StatusCode);
        await QueuedAsync(host, "telegram", ct);
        await WaitForAsync(() => api.CallsTo("sendMessage").Count >= 2, ct);

        // Replies go out in order: the second is already the answer to Accept (where the request stands).
        var texts = api.CallsTo("sendMessage").Select(c => c.Parameters["text"]!.GetValue<string>()).ToList();
        Assert.Equal(HandoffNotice, texts[0]);
        Assert.DoesNotContain(texts.Skip(1), t => t.Contains("accept", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Viber()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var api = await FakeViberApi.StartAsync();
        await using var host = new ChatHost(new Dictionary<string, string>
        {
            ["IntegrationBot:Channels:Viber:AuthToken"] = FakeViberApi.AuthToken,
            ["IntegrationBot:Channels:Viber:ApiBaseUrl"] = api.BaseUrl,
            ["IntegrationBot:Channels:Viber:BotName"] = "Starting Point Postojna",
        });

        var welcome = await PostViberAsync(host, $$"""{"event":"conversation_started","timestamp":1457764197627,"message_token":10,"type":"open","user":{"id":"{{ViberUser}}","name":"Amir","language":"en","api_version":8},"subscribed":false}""", ct);
        Assert.StartsWith(NoticeStart, JsonNode.Parse(await welcome.Content.ReadAsStringAsync(ct))!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await PostViberAsync(host, ViberMessage(11, "I want to talk to a person"), ct);
        await WaitForAsync(() => api.CallsTo("send_message").Count >= 1, ct);
        await PostViberAsync(host, ViberMessage(12, "Accept"), ct);
        await QueuedAsync(host, "viber", ct);
        await WaitForAsync(() => api.CallsTo("send_message").Count >= 2, ct);

        var texts = api.CallsTo("send_message").Select(c => c["text"]!.GetValue<string>()).ToList();
        Assert.Equal(HandoffOnAccept, texts[0]);
        Assert.DoesNotContain(texts.Skip(1), t => t.Contains("accept", StringComparison.OrdinalIgnoreCase));
    }

    // Where the request stands depends on the hour (office open or closed): that it is queued is what Accept must do.
    private static async Task QueuedAsync(ChatHost host, string channel, CancellationToken ct)
    {
        var queue = host.Services.GetRequiredService<HandoffQueue>();
        await WaitForAsync(async () => (await queue.ListAsync(HandoffStatus.Waiting, ct)).Any(r => r.Address.ChannelId == channel), ct);
    }

    private static async Task<IReadOnlyList<string>> BotTextsAsync(ChatHost host, WebChat chat, int count, CancellationToken ct)
    {
        IReadOnlyList<string> texts = [];
        await WaitForAsync(async () =>
        {
            texts = [.. (await host.ActivitiesAsync(chat, ct))
                .Where(a => a.GetProperty("from").GetProperty("id").GetString() != chat.UserId && a.TryGetProperty("text", out _))
                .Select(a => a.GetProperty("text").GetString()!)];
            return texts.Count >= count;
        }, ct);
        Assert.Equal(count, texts.Count);
        return texts;
    }

    private static Task WaitForAsync(Func<bool> done, CancellationToken ct) => WaitForAsync(() => Task.FromResult(done()), ct);

    private static async Task WaitForAsync(Func<Task<bool>> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the bot did not answer in time");
            await Task.Delay(20, ct);
        }
    }

    private static string ViberMessage(int token, string text) =>
        $$$"""{"event":"message","timestamp":1457764197627,"message_token":{{{token}}},"sender":{"id":"{{{ViberUser}}}","name":"Amir","language":"en","api_version":8},"message":{"type":"text","text":"{{{text}}}"}}""";

    private static async Task<HttpResponseMessage> PostViberAsync(ChatHost host, string json, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, ViberWebhookEndpoint.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(ViberSignature.Header, ViberSignature.Compute(body, FakeViberApi.AuthToken));
        var response = await host.Client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
