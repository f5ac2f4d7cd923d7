using System.Net;
using System.Net.Http.Json;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.Handoff.Counselors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>Forwarded headers only from the configured proxies; chat page CSP, HSTS and Server header; client activity types.</summary>
public sealed class TransportSecurityTests
{
    private const string Proxy = "10.9.8.7";

    /// <summary>A host whose every request arrives from <see cref="Proxy"/>, as behind a TLS reverse proxy.</summary>
    private static ChatHost BehindProxy(bool trusted, Dictionary<string, string>? settings = null)
    {
        var all = settings ?? [];
        if (trusted)
        {
            all["IntegrationBot:Proxy:KnownProxies"] = Proxy;
        }

        return new ChatHost(all, services: s => s.AddTransient<IStartupFilter>(_ => new FromAddress(IPAddress.Parse(Proxy))));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task The_session_cookie_is_secure_behind_a_trusted_tls_proxy_only(bool trusted, bool secure)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = BehindProxy(trusted);
        await host.Get<CounselorDirectory>().AddAsync("Maja", ["sl"], "maja-password", false, ct);
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { name = "Maja", password = "maja-password" }) };
        login.Headers.Add("X-Forwarded-Proto", "https");
        login.Headers.Add("X-Forwarded-For", "203.0.113.5");

        var response = await host.Client.SendAsync(login, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ib_console=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_address_has_its_own_rate_limit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = BehindProxy(trusted: true, new Dictionary<string, string> { ["IntegrationBot:Limits:DirectLineRequestsPerIpPerMinute"] = "3" });

        async Task<HttpStatusCode> HealthOfDirectLineAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/refresh");
            request.Headers.Add("X-Forwarded-For", client);
            return (await host.Client.SendAsync(request, ct)).StatusCode;
        }

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await HealthOfDirectLineAsync("203.0.113.5"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await HealthOfDirectLineAsync("198.51.100.9"));
    }

    [Fact]
    public async Task The_chat_page_connects_only_to_its_own_origin_and_https_gets_hsts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();

        var page = await host.Client.GetAsync(new Uri("/", UriKind.Relative), ct);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        var connect = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("connect-src", StringComparison.Ordinal));
        var secure = await host.Client.GetAsync(new Uri("https://localhost/health"), ct);

        Assert.Equal(["connect-src", "'self'", "ws://localhost"], connect.Split(' '));
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(host.Get<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Theory]
    [InlineData("conversationUpdate")]
    [InlineData("endOfConversation")]
    [InlineData("invoke")]
    public async Task A_client_cannot_post_activity_types_web_chat_never_sends(string type)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost();
        var chat = await host.OpenChatAsync(ct);
        using var post = ChatHost.Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", chat.Token);
        post.Content = JsonContent.Create(new { type, from = new { id = chat.UserId }, membersAdded = new[] { new { id = chat.UserId } } });

        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.SendAsync(post, ct)).StatusCode);
    }

    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = address;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
