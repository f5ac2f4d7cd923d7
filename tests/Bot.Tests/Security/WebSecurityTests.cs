using System.Net;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Channels.DirectLine;
using IntegrationBot.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationBot.Bot.Tests.Security;

public sealed class WebSecurityTests
{
    private const string SigningKey = "test-signing-key-0123456789";

    [Fact]
    public async Task Expired_direct_line_token_is_refused_with_403()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);
        var issuedLongAgo = new DirectLineTokenService(
            Options.Create(new DirectLineOptions { TokenSigningKey = SigningKey, TokenLifetimeSeconds = 60 }),
            new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-2)));
        var expired = issuedLongAgo.Issue(chat.ConversationId, chat.UserId).Token;

        using var read = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", expired);
        var send = await host.SendAsync(chat with { Token = expired }, "hi", ct);
        using var valid = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);

        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(read, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(valid, ct)).StatusCode);
    }

    [Fact]
    public async Task Token_for_one_conversation_cannot_read_another()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var mine = await host.OpenChatAsync(ct);
        var theirs = await host.OpenChatAsync(ct);

        using var read = ChatHost.Request(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}/activities", mine.Token);

        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(read, ct)).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example", false)]
    [InlineData("https://www.postojna.si", true)]
    public async Task Cors_preflight_is_allowed_only_for_configured_origins(string origin, bool allowed)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Channels:WebChat:AllowedOrigins"] = "https://www.postojna.si" });
        foreach (var path in new[] { "/api/webchat/token", "/v3/directline/conversations" })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

            var response = await host.Client.SendAsync(preflight, ct);

            Assert.Equal(allowed, response.Headers.Contains("Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task Chat_page_carries_security_headers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        foreach (var path in new[] { "/", "/console" })
        {
            var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative), ct);
            if (path == "/console" && response.StatusCode == HttpStatusCode.NotFound)
            {
                continue;
            }

            Assert.True(response.Headers.Contains("Content-Security-Policy") || response.Content.Headers.Contains("Content-Security-Policy"), path);
            Assert.True(response.Headers.Contains("X-Content-Type-Options"), path);
        }
    }

    [Fact]
    public async Task Every_api_endpoint_except_login_and_public_chat_ones_requires_a_login()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        // The local admin endpoint has its own check (loopback and the token file's secret; else 404), tested in
        // EndToEnd FirstAdminTests against a real process, since the in-process test server has no remote address.
        var publicPaths = new[] { "/api/auth/login", "/api/telegram", "/api/viber", "/api/webchat/token", "/api/local-admin/" };
        var endpoints = host.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal)
                && !publicPaths.Any(p => raw.StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(endpoints);

        foreach (var endpoint in endpoints)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(
                endpoint.RoutePattern.RawText!, "\\{[^}]+\\}", m => m.Value.Contains(":guid", StringComparison.Ordinal) ? "5f0c2a9e-1b7d-4c39-9a61-0d2f3e4b5c6d" : "1");
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                var response = await host.Client.SendAsync(request, ct);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
            }
        }
    }
}
