using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.Viber;

/// <summary>Typed client over a resilient <see cref="HttpClient"/>; every request carries <c>X-Viber-Auth-Token</c>.</summary>
public sealed class ViberClient(HttpClient http, IOptions<ViberOptions> options) : IViberClient
{
    public const string AuthHeader = "X-Viber-Auth-Token";

    public Task<ViberApiResponse> SendMessageAsync(ViberSendMessage message, CancellationToken cancellationToken) =>
        PostAsync("send_message", message, cancellationToken);

    public Task<ViberApiResponse> SetWebhookAsync(Uri url, IReadOnlyList<string> eventTypes, CancellationToken cancellationToken) =>
        PostAsync("set_webhook", new Dictionary<string, object>
        {
            ["url"] = url.AbsoluteUri,
            ["event_types"] = eventTypes,
            ["send_name"] = true,
            ["send_photo"] = false,
        }, cancellationToken);

    private async Task<ViberApiResponse> PostAsync<T>(string method, T body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBase, method))
        {
            Content = JsonContent.Create(body, options: ViberJson.Options),
        };
        request.Headers.Add(AuthHeader, options.Value.AuthToken);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        try
        {
            return await response.Content.ReadFromJsonAsync<ViberApiResponse>(ViberJson.Options, cancellationToken)
                   ?? throw new HttpRequestException($"Viber {method}: empty answer");
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException($"Viber {method}: unreadable answer", ex);
        }
    }
}
