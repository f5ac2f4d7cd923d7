namespace IntegrationBot.Channels.Common;

/// <summary>Host-wide settings the channels need, bound from the <c>IntegrationBot</c> section.</summary>
public sealed class ChannelsOptions
{
    public const string Section = "IntegrationBot";

    /// <summary>Where Telegram and Viber can reach this host; webhooks are registered only when it is set.</summary>
    public string? PublicBaseUrl { get; set; }

    public Uri? WebhookUrl(string path) =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl.TrimEnd('/') + path);
}
