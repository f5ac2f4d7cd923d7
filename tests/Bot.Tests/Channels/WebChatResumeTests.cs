using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>A page reload or a tab that slept past its token's lifetime resumes the same web chat conversation.</summary>
public sealed class WebChatResumeTests
{
    private const string SigningKey = "test-signing-key-0123456789";

    [Theory]
    [InlineData("?watermark=")]
    [InlineData("")]
    [InlineData("?watermark=3")]
    public async Task Reconnect_reads_a_missing_or_empty_watermark_as_from_the_start(string query)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);

        using var reconnect = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}{query}", chat.Token);
        var response = await host.Client.SendAsync(reconnect, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var streamUrl = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("streamUrl").GetString()!;
        Assert.Equal(query == "?watermark=3", streamUrl.Contains("&watermark=3", StringComparison.Ordinal));
        Assert.DoesNotContain("watermark=&", streamUrl + "&", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_that_expired_while_the_tab_slept_resumes_the_same_conversation()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);
        var expired = TokenIssuedAgo(TimeSpan.FromHours(2)).Issue(chat.ConversationId, chat.UserId).Token;

        var resumed = await host.Client.PostAsJsonAsync("/api/webchat/token", new { locale = "en-US", resume = expired }, ct);

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var body = await resumed.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(chat.ConversationId, body.GetProperty("conversationId").GetString());
        Assert.Equal(chat.UserId, body.GetProperty("userId").GetString());
        Assert.True(body.GetProperty("resumed").GetBoolean());
        using var read = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", body.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(read, ct)).StatusCode);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("too old")]
    [InlineData("erased")]
    public async Task A_token_that_cannot_resume_gets_a_new_conversation(string why)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);
        var old = why switch
        {
            "tampered" => chat.Token[..^2] + (chat.Token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"),
            "too old" => TokenIssuedAgo(TimeSpan.FromDays(30)).Issue(chat.ConversationId, chat.UserId).Token,
            _ => chat.Token,
        };
        if (why == "erased")
        {
            // The welcome is delivered after the conversation starts: erase after it, or its delivery writes the
            // conversation's log anew (this failed 2 runs in 4 on a busy machine).
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await host.ActivitiesAsync(chat, ct)).Count == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, ct);
            }

            await host.Get<IDirectLineStore>().DeleteConversationAsync(chat.ConversationId, ct);
        }

        var response = await host.Client.PostAsJsonAsync("/api/webchat/token", new { locale = "en-US", resume = old }, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.NotEqual(chat.ConversationId, body.GetProperty("conversationId").GetString());
        Assert.False(body.GetProperty("resumed").GetBoolean());
    }

    private static DirectLineTokenService TokenIssuedAgo(TimeSpan ago) => new(
        Options.Create(new DirectLineOptions { TokenSigningKey = SigningKey, TokenLifetimeSeconds = 60 }),
        new FakeTimeProvider(DateTimeOffset.UtcNow - ago));
}
