using System.Net;
using IntegrationBot.Bot.Tests.Support;

namespace IntegrationBot.Bot.Tests.Channels;

/// <summary>The two embedding methods of docs/embedding.md, as far as the server decides: CORS and frame-ancestors.</summary>
public sealed class WebChatEmbeddingTests
{
    private const string Allowed = "https://www.postojna.si";

    // What Web Chat 4.18 and botframework-directlinejs 0.15 send from another origin (RxJS ajax adds X-Requested-With).
    [Theory]
    [InlineData("/api/webchat/token", "content-type")]
    [InlineData("/v3/directline/conversations", "authorization,content-type,x-ms-bot-agent,x-requested-with")]
    [InlineData("/v3/directline/conversations/abc/activities", "authorization,content-type,x-ms-bot-agent,x-requested-with")]
    [InlineData("/v3/directline/tokens/refresh", "authorization,x-ms-bot-agent,x-requested-with")]
    public async Task The_preflight_allows_every_header_web_chat_sends_from_an_allowed_origin(string path, string headers)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Channels:WebChat:AllowedOrigins"] = Allowed });

        var allowed = await PreflightAsync(host, path, Allowed, headers, ct);
        var refused = await PreflightAsync(host, path, "https://evil.example", headers, ct);

        Assert.Equal(Allowed, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var granted = allowed.Headers.GetValues("Access-Control-Allow-Headers").SelectMany(h => h.Split(',')).Select(h => h.Trim().ToLowerInvariant());
        Assert.Empty(headers.Split(',').Except(granted));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_chat_page_may_be_framed_by_the_allowed_origins_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new ChatHost(new Dictionary<string, string> { ["IntegrationBot:Channels:WebChat:AllowedOrigins"] = Allowed + ", http://127.0.0.1:5099/" });

        var page = await host.Client.GetAsync(new Uri("/?lang=sl", UriKind.Relative), ct);

        var policy = page.Headers.TryGetValues("Content-Security-Policy", out var h) ? h.Single() : page.Content.Headers.GetValues("Content-Security-Policy").Single();
        var ancestors = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal));
        Assert.Equal("frame-ancestors 'self' https://www.postojna.si http://127.0.0.1:5099", ancestors);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(ChatHost host, string path, string origin, string headers, CancellationToken ct)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", headers);
        var response = await host.Client.SendAsync(preflight, ct);
        Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return response;
    }
}
