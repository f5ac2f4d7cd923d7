using IntegrationBot.Channels.Common;

namespace IntegrationBot.Channels.Viber;

/// <summary>Settings under <c>IntegrationBot:Channels:Viber</c>; the channel is on when <see cref="AuthToken"/> is set.</summary>
public sealed class ViberOptions
{
    public const string Section = "IntegrationBot:Channels:Viber";
    public const string DefaultApiBaseUrl = "https://chatapi.viber.com/pa/";

    public string? AuthToken { get; set; }

    /// <summary>Shown as the sender; Viber allows at most 28 characters.</summary>
    public string BotName { get; set; } = "IntegrationBot";

    public string? ApiBaseUrl { get; set; }

    public int MinApiVersion { get; set; } = 1;

    /// <summary>How long one request waits for the API's answer; a request that times out is never resent (the
    /// message may have arrived). Well above the API's normal answer time (under a second).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How fast messages go out; see docs/reliability.md.</summary>
    public PacingOptions Pacing { get; set; } = new();

    public bool IsEnabled => !string.IsNullOrWhiteSpace(AuthToken);

    public Uri ApiBase => new((string.IsNullOrWhiteSpace(ApiBaseUrl) ? DefaultApiBaseUrl : ApiBaseUrl).TrimEnd('/') + "/");
}
