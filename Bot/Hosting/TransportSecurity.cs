using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Bot.Hosting;

/// <summary>Who the client really is behind a trusted TLS proxy (so cookies get Secure and rate limits count per
/// person, not per proxy), HSTS on HTTPS, and no Server header telling what runs here.</summary>
internal static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration, IWebHostBuilder webHost)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.SectionName))
            .Validate(o => o.IsValid(), "IntegrationBot:Proxy:KnownProxies must list IP addresses.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies; the framework's default (loopback) would trust any local process too.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.Addresses())
            {
                forwarded.KnownProxies.Add(address);
            }
        });
        webHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app)
    {
        var proxies = app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value.Addresses();
        if (proxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app.Use((http, next) =>
        {
            if (http.Request.IsHttps)
            {
                http.Response.Headers.StrictTransportSecurity = "max-age=31536000";
            }

            return next(http);
        });
    }
}
