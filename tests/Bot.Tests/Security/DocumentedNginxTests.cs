using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationBot.Bot.Tests.Support;
using IntegrationBot.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Bot.Tests.Security;

/// <summary>
/// docs/configuration.md, "Behind a TLS reverse proxy", followed literally with nginx on the same machine: the request
/// the host gets carries the headers of the doc's <c>proxy_set_header</c> lines and, for every header they do not set,
/// nginx's default (<c>Host: $proxy_host</c>, the upstream's address from <c>proxy_pass</c>).
/// </summary>
public sealed partial class DocumentedNginxTests
{
    private const string PublicHost = "bot.example.si";
    private const string Upstream = "127.0.0.1:5080"; // proxy_pass http://127.0.0.1:5080, as the README's --urls
    private const string Client = "203.0.113.5";

    // Found walking the operator's journey: with only the doc's X-Forwarded-For and X-Forwarded-Proto lines, nginx
    // sends "Host: 127.0.0.1:5080", so the chat page's own token request (the browser sends Origin:
    // https://bot.example.si on a POST) was refused, 403 "this website is not allowed to open conversations": every
    // visitor read that the chat is not available; and the stream address would have been wss://127.0.0.1:5080/...
    [Fact]
    public async Task The_chat_page_behind_nginx_as_documented_opens_a_chat_streamed_from_the_public_address()
    {
        var ct = TestContext.Current.CancellationToken;
        var directives = NginxHeaders(File.ReadAllText(RepositoryRoot.Combine("docs", "configuration.md")));
        await using var host = new ChatHost(
            new Dictionary<string, string> { ["IntegrationBot:Proxy:KnownProxies"] = "127.0.0.1" },
            services: s => s.AddTransient<IStartupFilter>(_ => new FromLoopbackProxy()));

        using var token = Proxied(HttpMethod.Post, "/api/webchat/token", directives);
        token.Headers.Add("Origin", "https://" + PublicHost);
        token.Content = JsonContent.Create(new { locale = "sl-SI" });
        var issued = await host.Client.SendAsync(token, ct);
        Assert.True(issued.StatusCode == HttpStatusCode.OK, $"{(int)issued.StatusCode} {await issued.Content.ReadAsStringAsync(ct)}");
        var bearer = (await issued.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("token").GetString()!;

        using var start = Proxied(HttpMethod.Post, "/v3/directline/conversations", directives);
        start.Headers.Authorization = new("Bearer", bearer);
        var started = await host.Client.SendAsync(start, ct);
        Assert.True(started.IsSuccessStatusCode, started.StatusCode.ToString());
        var stream = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("streamUrl").GetString()!;
        Assert.StartsWith($"wss://{PublicHost}/v3/directline/conversations/", stream, StringComparison.Ordinal);
    }

    /// <summary>The request as nginx passes it on for a browser at <see cref="Client"/> asking for https://bot.example.si.</summary>
    private static HttpRequestMessage Proxied(HttpMethod method, string path, IReadOnlyDictionary<string, string> directives)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        var variables = new Dictionary<string, string>
        {
            ["$host"] = PublicHost,
            ["$http_host"] = PublicHost,
            ["$scheme"] = "https",
            ["$proxy_add_x_forwarded_for"] = Client,
            ["$remote_addr"] = Client,
            ["$proxy_host"] = Upstream,
        };
        request.Headers.Host = Upstream;
        foreach (var (header, value) in directives)
        {
            var resolved = variables.GetValueOrDefault(value) ?? throw new InvalidOperationException($"the test does not know nginx's {value}");
            if (header.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = resolved;
            }
            else
            {
                request.Headers.Add(header, resolved);
            }
        }

        return request;
    }

    private static Dictionary<string, string> NginxHeaders(string docs)
    {
        var section = docs[docs.IndexOf("## Behind a TLS reverse proxy", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];
        var headers = ProxySetHeader().Matches(section).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("X-Forwarded-Proto", headers.Keys);
        return headers;
    }

    [GeneratedRegex(@"proxy_set_header\s+([A-Za-z-]+)\s+(\$[a-z_]+);")]
    private static partial Regex ProxySetHeader();

    /// <summary>Every request arrives from nginx on the same machine.</summary>
    private sealed class FromLoopbackProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
