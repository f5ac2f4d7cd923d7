using IntegrationBot.Channels.Tests.Fakes;

namespace IntegrationBot.Channels.Tests.Telegram;

/// <summary>Configuration that switches Telegram on and points the real client at the fake.</summary>
internal static class TelegramSettings
{
    public const string Secret = "s3cret_Webhook-token";

    public static Dictionary<string, string?> For(FakeTelegramApi api, string? publicBaseUrl = null, string mode = "webhook") => new()
    {
        ["IntegrationBot:Channels:Telegram:Token"] = FakeTelegramApi.Token,
        ["IntegrationBot:Channels:Telegram:WebhookSecret"] = Secret,
        ["IntegrationBot:Channels:Telegram:ApiBaseUrl"] = api.BaseUrl,
        ["IntegrationBot:Channels:Telegram:Mode"] = mode,
        ["IntegrationBot:PublicBaseUrl"] = publicBaseUrl,
    };
}
