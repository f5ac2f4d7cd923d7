using IntegrationBot.Channels.Tests.Fakes;

namespace IntegrationBot.Channels.Tests.Viber;

/// <summary>Configuration that switches Viber on and points the client at the fake.</summary>
internal static class ViberSettings
{
    public static Dictionary<string, string?> For(FakeViberApi api, string? publicBaseUrl = null) => new()
    {
        ["IntegrationBot:Channels:Viber:AuthToken"] = FakeViberApi.AuthToken,
        ["IntegrationBot:Channels:Viber:BotName"] = "IntegrationBot Postojna",
        ["IntegrationBot:Channels:Viber:ApiBaseUrl"] = api.BaseUrl,
        ["IntegrationBot:PublicBaseUrl"] = publicBaseUrl,
    };
}
