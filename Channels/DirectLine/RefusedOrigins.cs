using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// Tells the operator, once per website, that a page asked for a web chat token from an origin not in
/// <c>AllowedOrigins</c>: the visitor's browser shows only an empty widget and a CORS error nobody at the office reads.
/// </summary>
public sealed partial class RefusedOrigins(ILogger<RefusedOrigins> logger)
{
    /// <summary>Enough for the websites an office has; a flood of made-up origins cannot fill the log.</summary>
    private const int MaxNamed = 20;

    private readonly ConcurrentDictionary<string, bool> _named = new(StringComparer.OrdinalIgnoreCase);

    public void Refused(string origin, string own)
    {
        if (_named.Count >= MaxNamed || !_named.TryAdd(origin, true))
        {
            return;
        }

        LogRefused(logger, origin.Length > 100 ? origin[..100] : origin, own);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web chat refused a page at {Origin}: add it to IntegrationBot__Channels__WebChat__AllowedOrigins "
        + "to embed the widget there (docs/embedding.md). Our own page is {Own}; behind a reverse proxy that is not the public address, the proxy does not pass Host "
        + "(docs/configuration.md). Further refusals of this origin are not logged")]
    private static partial void LogRefused(ILogger logger, string origin, string own);
}
