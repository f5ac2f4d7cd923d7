using System.ComponentModel.DataAnnotations;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>Settings of the website chat widget (section <c>IntegrationBot:Channels:WebChat</c>).</summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string Section = "IntegrationBot:Channels:WebChat";

    /// <summary>Website origins (comma separated) allowed to fetch a token and to call Direct Line from the browser.</summary>
    public string AllowedOrigins { get; set; } = "";

    /// <summary>Optional Direct Line secret for server-side token generation (<c>POST /v3/directline/tokens/generate</c>).</summary>
    public string Secret { get; set; } = "";

    [Range(60, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>
    /// How long after its token expired a page may still resume its conversation through <c>/api/webchat/token</c>
    /// (a reload, a phone that slept); the conversation itself must still exist (retention, /delete).
    /// </summary>
    [Range(1, 24 * 90)]
    public int ResumeHours { get; set; } = 24;

    /// <summary>
    /// How long after a token chain's first token <c>POST /v3/directline/tokens/refresh</c> may keep it alive: no token
    /// of the chain expires later. The page then continues through <c>/api/webchat/token</c> (origin check, rate limit,
    /// the conversation must still exist), which starts a new chain; a stolen token cannot be refreshed forever.
    /// </summary>
    [Range(1, 24 * 90)]
    public int MaxTokenRefreshHours { get; set; } = 24;

    /// <summary>
    /// New conversations one IP address may open per hour (web widget abuse limit). Many people can share one address
    /// (the office's guest Wi-Fi, a reception centre, a school), and the one over the limit is told only that the chat is
    /// not available: the default leaves them room, and still bounds what one address can make the host store.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConversationsPerIpPerHour { get; set; } = 200;

    /// <summary>Tokens (new chats) one IP address may ask for per minute at <c>/api/webchat/token</c>.</summary>
    [Range(1, 100_000)]
    public int TokensPerIpPerMinute { get; set; } = 20;

    /// <summary>Open WebSocket streams on one conversation (a person with a few tabs open); more are refused with 429.</summary>
    [Range(1, 1000)]
    public int MaxStreamsPerConversation { get; set; } = 4;

    /// <summary>Open WebSocket streams from one IP address (a shelter's Wi-Fi has many people behind one address).</summary>
    [Range(1, 100_000)]
    public int MaxStreamsPerIp { get; set; } = 100;

    /// <summary>
    /// Each allowed origin must be one as the browser sends it (scheme, host, port): the token call compares it exactly,
    /// so "www.postojna.si" or a page's address started the host and refused every visitor of that website.
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Origins().Where(o => !IsOrigin(o)).Select(o => new ValidationResult(
            $"{Section}:AllowedOrigins: '{o}' is not a website origin; write the scheme and the host (and a port other than the default) "
            + "as the browser sends them, without a path, e.g. https://www.postojna.si (https://postojna.si is another origin; list both if both serve the page)",
            [nameof(AllowedOrigins)]));

    public IReadOnlyList<string> Origins() =>
        AllowedOrigins.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .ToArray();

    private static bool IsOrigin(string entry) =>
        Uri.TryCreate(entry, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
        && !entry.EndsWith('/');
}
