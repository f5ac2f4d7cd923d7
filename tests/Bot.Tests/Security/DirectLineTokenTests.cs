using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.DirectLine;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>
/// Web chat tokens are Data Protection payloads checked by one endpoint filter on every Direct Line call: missing is
/// 401; forged, tampered, expired, or for another conversation is 403 with Direct Line's error body; the keys outlive
/// a restart.
/// </summary>
public sealed class DirectLineTokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every call behind the filter but the stream, for a conversation id (the two without one ignore it).</summary>
    private static readonly (string Method, string Path)[] Calls =
    [
        ("POST", "/v3/directline/tokens/refresh"),
        ("POST", "/v3/directline/conversations"),
        ("GET", "/v3/directline/conversations/{0}"),
        ("POST", "/v3/directline/conversations/{0}/activities"),
        ("GET", "/v3/directline/conversations/{0}/activities"),
        ("POST", "/v3/directline/conversations/{0}/upload"),
    ];

    [Fact]
    public async Task The_user_id_the_page_hands_to_web_chat_is_not_in_the_prefix_web_chat_reserves()
    {
        // Web Chat reserves "dl_" for ids embedded by Azure's Direct Line service: given one as userID, it warns in the
        // console and makes up another id for the person's messages.
        await using var host = new ChatHost();

        var chat = await host.OpenChatAsync(Ct);

        Assert.False(chat.UserId.StartsWith("dl_", StringComparison.OrdinalIgnoreCase), chat.UserId);
    }

    [Fact]
    public async Task Call_without_a_token_is_401()
    {
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(Ct);

        foreach (var (method, path) in Calls)
        {
            var response = await SendAsync(host, method, path, chat.ConversationId, token: null);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Unauthorized", await ErrorCodeAsync(response));
        }
    }

    [Fact]
    public async Task Forged_token_is_403()
    {
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(Ct);
        // The shape of the old hand-signed tokens, and a random string of Data Protection's alphabet.
        foreach (var forged in new[] { "eyJDIjoiZGwxIiwiVSI6ImRsXzEiLCJFIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJl", "CfDJ8" + new string('A', 120) })
        {
            foreach (var (method, path) in Calls)
            {
                var response = await SendAsync(host, method, path, chat.ConversationId, forged);

                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal("Forbidden", await ErrorCodeAsync(response));
            }
        }
    }

    [Fact]
    public async Task Tampered_token_is_403()
    {
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(Ct);
        var middle = chat.Token.Length / 2;
        var tampered = chat.Token[..middle] + (chat.Token[middle] == 'A' ? 'B' : 'A') + chat.Token[(middle + 1)..];

        foreach (var (method, path) in Calls)
        {
            var response = await SendAsync(host, method, path, chat.ConversationId, tampered);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, "GET", "/v3/directline/conversations/{0}/activities", chat.ConversationId, chat.Token)).StatusCode);
        }
    }

    [Fact]
    public async Task Expired_token_is_403_token_expired()
    {
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(Ct);
        var expired = host.TokensAt(DateTimeOffset.UtcNow.AddMinutes(-2)).Issue(chat.ConversationId, chat.UserId).Token;

        foreach (var (method, path) in Calls)
        {
            var response = await SendAsync(host, method, path, chat.ConversationId, expired);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("token expired", await ErrorMessageAsync(response));
        }
    }

    [Fact]
    public async Task Token_of_another_conversation_is_403_where_the_call_names_a_conversation()
    {
        await using var host = new ChatHost();
        var mine = await host.OpenChatAsync(Ct);
        var theirs = await host.OpenChatAsync(Ct);

        foreach (var (method, path) in Calls)
        {
            var response = await SendAsync(host, method, path, theirs.ConversationId, mine.Token);

            if (path.Contains("{0}", StringComparison.Ordinal))
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal("token not valid for this conversation", await ErrorMessageAsync(response));
            }
            else
            {
                // Refresh and start act on the token's own conversation (a refresh in the token's first second is
                // refused as no later, which is not this check).
                Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
                if (response.StatusCode == HttpStatusCode.Forbidden)
                {
                    Assert.NotEqual("token not valid for this conversation", await ErrorMessageAsync(response));
                }
            }
        }
    }

    [Fact]
    public async Task Token_made_with_another_hosts_keys_is_403()
    {
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(Ct);
        var stranger = new DirectLineTokenService(
            new EphemeralDataProtectionProvider(),
            Options.Create(new DirectLineOptions()),
            TimeProvider.System).Issue(chat.ConversationId, chat.UserId).Token;

        var response = await SendAsync(host, "GET", "/v3/directline/conversations/{0}/activities", chat.ConversationId, stranger);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("forged")]
    [InlineData("expired")]
    [InlineData("other conversation")]
    public async Task Stream_takes_its_token_from_t_and_refuses_a_bad_one_with_403(string why)
    {
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(Ct);
        var other = await host.OpenChatAsync(Ct);
        var t = why switch
        {
            "missing" => null,
            "forged" => "CfDJ8" + new string('A', 120),
            "expired" => host.TokensAt(DateTimeOffset.UtcNow.AddMinutes(-2)).Issue(chat.ConversationId, chat.UserId).Token,
            _ => other.Token,
        };
        var query = t is null ? "" : "?t=" + Uri.EscapeDataString(t);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => host.Server.CreateWebSocketClient()
            .ConnectAsync(new Uri($"ws://localhost/v3/directline/conversations/{chat.ConversationId}/stream{query}"), Ct));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        using var open = await host.Server.CreateWebSocketClient()
            .ConnectAsync(new Uri($"ws://localhost/v3/directline/conversations/{chat.ConversationId}/stream?t={Uri.EscapeDataString(chat.Token)}"), Ct);
    }

    [Fact]
    public async Task Token_issued_before_a_restart_still_works_and_resumes_the_same_chat_after_it()
    {
        await using var before = new ChatHost();
        var chat = await before.OpenChatAsync(Ct);
        await before.StopAsync();
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(before.DataPath, DirectLineKeyRing.KeysDirectory), "key-*.xml"));

        await using var after = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Storage:Path"] = before.DataPath });
        using var read = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);
        var resume = await after.Client.PostAsJsonAsync("/api/webchat/token", new { resume = chat.Token }, Ct);

        Assert.Equal(HttpStatusCode.OK, (await after.Client.SendAsync(read, Ct)).StatusCode);
        var resumed = await resume.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(resumed.GetProperty("resumed").GetBoolean());
        Assert.Equal(chat.ConversationId, resumed.GetProperty("conversationId").GetString());
    }

    private static async Task<HttpResponseMessage> SendAsync(ChatHost host, string method, string path, string conversationId, string? token)
    {
        using var request = ChatHost.Request(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, conversationId), token);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { type = "message", text = "hi", from = new { id = "x" } });
        }

        return await host.Client.SendAsync(request, Ct);
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetProperty("code").GetString();

    private static async Task<string?> ErrorMessageAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetProperty("message").GetString();
}
