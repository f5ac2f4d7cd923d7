using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationBot.EndToEnd.Reliability;
using IntegrationBot.EndToEnd.Support;
using Microsoft.Playwright;

namespace IntegrationBot.EndToEnd.Handoff;

/// <summary>
/// Issue 17.4 in real Chromium against the real host: two Telegram users reach a counselor through the real webhook;
/// the fake Bot API answers one of them 403 "bot was blocked by the user". The console shows, under each counselor
/// message, "failed: the person blocked the bot" for that one and "delivered" for the other, without a reload.
/// </summary>
public sealed class DeliveryStatusBrowserTests
{
    private const string Token = "123456:STATUS-test";
    private const string Secret = "status-test-webhook-secret";
    private static readonly LocatorWaitForOptions Long = new() { Timeout = 90_000 };

    [Fact]
    public async Task A_message_to_a_person_who_blocked_the_bot_shows_failed_and_one_that_arrived_shows_delivered()
    {
        var ct = TestContext.Current.CancellationToken;
        var apiPort = HostProcess.FreePort();
        await using var api = await CountingTelegramApi.StartAsync(apiPort, Token);
        await using var session = await ConsoleBrowserSession.StartAsync("Maja", "maja-password-1", "en", new Dictionary<string, string>
        {
            ["IntegrationBot__Channels__Telegram__Token"] = Token,
            ["IntegrationBot__Channels__Telegram__WebhookSecret"] = Secret,
            ["IntegrationBot__Channels__Telegram__ApiBaseUrl"] = $"http://127.0.0.1:{apiPort}",
        });
        using var http = new HttpClient { BaseAddress = session.Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var console = session.Console;

        const long blocked = 8_100_001;
        const long reachable = 8_100_002;
        await AskForCounselorAsync(http, blocked, 100, ct);
        await TakeAsync(session);
        // The bot's earlier replies are paced (1/s per chat): block only once the last of them, "Maja is now with you",
        // went out, so the first message to meet the 403 is the counselor's.
        await UntilAsync(() => api.TextsTo(blocked).Any(t => t.Contains("Maja", StringComparison.Ordinal)), ct);
        api.Block(blocked);
        await console.FillAsync("#reply-text", "Are you still there?");
        await console.ClickAsync("#send");
        await console.Locator("#transcript li.counselor", new() { HasText = "Are you still there?" })
            .Locator(".delivery.failed", new() { HasText = "failed: the person blocked the bot" }).WaitForAsync(Long);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "console-delivery-failed-blocked.png"), FullPage = true });

        await console.ClickAsync("#back");
        await AskForCounselorAsync(http, reachable, 200, ct);
        await TakeAsync(session);
        await console.FillAsync("#reply-text", "Hello, I am Maja.");
        await console.ClickAsync("#send");
        await console.Locator("#transcript li.counselor", new() { HasText = "Hello, I am Maja." })
            .Locator(".delivery.delivered", new() { HasText = "delivered" }).WaitForAsync(Long);
        await console.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "console-delivery-delivered.png"), FullPage = true });

        Assert.Contains(api.TextsTo(reachable), t => t.Contains("Hello, I am Maja.", StringComparison.Ordinal));
        Assert.DoesNotContain(api.TextsTo(blocked), t => t.Contains("Are you still there?", StringComparison.Ordinal));
    }

    private static async Task UntilAsync(Func<bool> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 120 s");
            await Task.Delay(50, ct);
        }
    }

    private static async Task TakeAsync(ConsoleBrowserSession session)
    {
        await session.TakeAsync("telegram");
        await session.Console.Locator("#send:not([disabled])").WaitForAsync(Long);
        // The taken conversation is drawn when the reply box has the focus. #send is still enabled from the first
        // conversation after Back, so on a busy machine the reply was typed before the drawing, which then put the
        // (empty) draft of the new conversation in the box, and Send sent nothing (rehearsal: no "delivered" in 90 s).
        await session.Console.Locator("#reply-text:focus").WaitForAsync(Long);
    }

    // Language, privacy, then the request, as the person types them; each update is acknowledged before the next.
    private static async Task AskForCounselorAsync(HttpClient http, long chat, int firstUpdate, CancellationToken ct)
    {
        string[] texts = ["Hello", Strings.Get("en", "language.name"), Strings.Get("en", "privacy.accept"), "I want to talk to a person please"];
        for (var n = 0; n < texts.Length; n++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/telegram") { Content = new StringContent(Update(chat, firstUpdate + n, texts[n]), Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
            using var response = await http.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static string Update(long chat, int id, string text) => new JsonObject
    {
        ["update_id"] = id,
        ["message"] = new JsonObject
        {
            ["message_id"] = id, ["date"] = 1700000000, ["text"] = text,
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" },
            ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "Ana", ["language_code"] = "en" },
        },
    }.ToJsonString();
}
