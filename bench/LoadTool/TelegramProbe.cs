namespace IntegrationBot.LoadTool;

/// <summary>
/// The Telegram webhook part of the load needs the Telegram channel in the host; until it is there this says so
/// plainly instead of reporting numbers for a path that does not exist.
/// </summary>
public static class TelegramProbe
{
    public static async Task<string?> UnavailableReasonAsync(HttpClient http, Uri baseUrl, CancellationToken cancellationToken)
    {
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(baseUrl, "api/telegram"), content, cancellationToken);
        return response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.MethodNotAllowed
            ? $"telegram: not available - {baseUrl}api/telegram answers {(int)response.StatusCode}; the host has no Telegram channel (branch 'channels' not merged)"
            : "telegram: not available - the webhook exists but the fake Telegram API driver is not written yet; use --channel directline";
    }
}
