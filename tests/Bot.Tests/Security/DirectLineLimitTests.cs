using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>Every Direct Line entry has the same size cap and rate limit, streams are capped, and refused text is not kept.</summary>
public sealed class DirectLineLimitTests
{
    private static HttpRequestMessage Upload(WebChat chat, string text)
    {
        var request = ChatHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/upload", chat.Token);
        var form = new MultipartFormDataContent();
        var activity = new StringContent("{\"type\":\"message\",\"from\":{\"id\":\"" + chat.UserId + "\"},\"text\":\"" + text + "\"}");
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        request.Content = form;
        return request;
    }

    [Fact]
    public async Task An_upload_over_the_size_cap_is_refused_with_413_and_nothing_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);

        using var request = Upload(chat, new string('a', 300 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.Client.SendAsync(request, ct)).StatusCode);

        Assert.DoesNotContain(await host.ActivitiesAsync(chat, ct), a => a.TryGetProperty("text", out var t) && t.GetString()!.Length > 1000);
    }

    [Fact]
    public async Task Uploads_count_against_the_same_rate_limit_as_messages()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Limits:MessagesPerUserPerMinute"] = "10" });
        var chat = await host.OpenChatAsync(ct);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var request = Upload(chat, "photo " + i);
            return (await host.Client.SendAsync(request, ct)).StatusCode;
        }));

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Other_direct_line_requests_are_limited_per_address()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Limits:DirectLineRequestsPerIpPerMinute"] = "20" });
        var chat = await host.OpenChatAsync(ct);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            using var request = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);
            statuses.Add((await host.Client.SendAsync(request, ct)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Streams_are_capped_per_conversation_and_a_closed_one_frees_its_slot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Channels:WebChat:MaxStreamsPerConversation"] = "3" });
        var chat = await host.OpenChatAsync(ct);
        var open = new List<WebSocket>();
        for (var i = 0; i < 3; i++)
        {
            open.Add(await ConnectAsync(host, chat, ct));
        }

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(host, chat, ct));
        Assert.Contains("429", refused.Message, StringComparison.Ordinal);
        var other = await host.OpenChatAsync(ct);
        using var otherStream = await ConnectAsync(host, other, ct);

        open[0].Abort(); // the page went away
        open[0].Dispose();
        await WaitUntilAsync(async () =>
        {
            try
            {
                open[0] = await ConnectAsync(host, chat, ct);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        });
        open.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Streams_are_capped_per_address()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Channels:WebChat:MaxStreamsPerIp"] = "2" });
        var chats = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.OpenChatAsync(ct)));

        using var first = await ConnectAsync(host, chats[0], ct);
        using var second = await ConnectAsync(host, chats[1], ct);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(host, chats[2], ct));

        Assert.Contains("429", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversations_whose_streams_closed_leave_no_wake_up_in_memory()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var signals = host.Get<IntegrationBot.Channels.DirectLine.ConversationSignals>();
        var chats = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.OpenChatAsync(ct)));
        var streams = await Task.WhenAll(chats.Select(chat => ConnectAsync(host, chat, ct)));
        await WaitUntilAsync(() => Task.FromResult(signals.Count == chats.Length));

        foreach (var stream in streams)
        {
            stream.Abort(); // the pages went away
            stream.Dispose();
        }

        await WaitUntilAsync(() => Task.FromResult(signals.Count == 0));
    }

    /// <summary>A person who wrote 4,950 characters saw "Your message is too long" and no bubble of theirs: the text was
    /// gone from the screen, nothing to shorten, everything to type again. The bot reads that far (for danger, and for a
    /// counselor the person waits for), so the page keeps it too.</summary>
    [Fact]
    public async Task A_message_over_the_limit_is_answered_and_stays_on_the_persons_screen()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);
        var oversized = "OVERSIZED-MARKER " + new string('x', 5000);

        var id = await ChatHost.IdOfAsync(await host.SendAsync(chat, oversized, ct), ct);
        var reply = await host.ReplyToAsync(chat, id, ct);

        Assert.Contains("4096", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(await host.ActivitiesAsync(chat, ct), a => a.TryGetProperty("text", out var text) && text.GetString() == oversized);
    }

    [Fact]
    public async Task A_message_longer_than_the_bot_reads_is_answered_but_its_text_is_not_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);
        var oversized = "OVERSIZED-MARKER " + new string('x', 25_000);

        var id = await ChatHost.IdOfAsync(await host.SendAsync(chat, oversized, ct), ct);
        var reply = await host.ReplyToAsync(chat, id, ct);

        Assert.Contains("4096", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await host.ActivitiesAsync(chat, ct), a => a.GetRawText().Contains("OVERSIZED-MARKER", StringComparison.Ordinal));
    }

    private static async Task<WebSocket> ConnectAsync(ChatHost host, WebChat chat, CancellationToken ct)
    {
        var client = host.Server.CreateWebSocketClient();
        return await client.ConnectAsync(new Uri($"ws://localhost/v3/directline/conversations/{chat.ConversationId}/stream?t={Uri.EscapeDataString(chat.Token)}"), ct);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
