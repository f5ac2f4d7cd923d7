namespace IntegrationBot.Channels.Common;

/// <summary>What Telegram accepts as a webhook address: HTTPS on port 443, 80, 88 or 8443 (setWebhook refuses anything
/// else, and retrying it every few minutes would never succeed).</summary>
public static class PublicBaseUrlRules
{
    public static readonly IReadOnlyList<int> TelegramPorts = [443, 80, 88, 8443];

    /// <summary>Null when <paramref name="publicBaseUrl"/> is unset or usable; otherwise what is wrong, naming the setting.</summary>
    public static string? ProblemFor(string? publicBaseUrl)
    {
        if (string.IsNullOrWhiteSpace(publicBaseUrl))
        {
            return null;
        }
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var url))
        {
            return $"IntegrationBot:PublicBaseUrl must be an absolute https:// address, not '{publicBaseUrl}'.";
        }
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return "IntegrationBot:PublicBaseUrl must use HTTPS: Telegram and Viber call webhooks only over HTTPS.";
        }
        return TelegramPorts.Contains(url.Port)
            ? null
            : $"IntegrationBot:PublicBaseUrl uses port {url.Port}; Telegram calls webhooks only on port 443, 80, 88 or 8443.";
    }
}
