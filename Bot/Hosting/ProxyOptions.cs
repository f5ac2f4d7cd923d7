using System.Net;

namespace IntegrationBot.Bot.Hosting;

/// <summary>Section <c>IntegrationBot:Proxy</c>: the TLS reverse proxies whose X-Forwarded-For/-Proto headers are believed.</summary>
public sealed class ProxyOptions
{
    public const string SectionName = "IntegrationBot:Proxy";

    /// <summary>Addresses of the trusted proxies, comma separated (e.g. <c>127.0.0.1,10.0.0.5</c>); empty: no proxy,
    /// forwarded headers are ignored (anyone could send them).</summary>
    public string KnownProxies { get; set; } = "";

    public IReadOnlyList<IPAddress> Addresses() =>
        [.. KnownProxies.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IPAddress.Parse)];

    public bool IsValid() =>
        KnownProxies.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(a => IPAddress.TryParse(a, out _));
}
