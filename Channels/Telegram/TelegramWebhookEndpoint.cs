using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationBot.Channels.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace IntegrationBot.Channels.Telegram;

/// <summary><c>POST /api/telegram</c>: secret header first, then the body; 200 for anything handled or ignored.</summary>
public static class TelegramWebhookEndpoint
{
    public const string Path = "/api/telegram";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!options.AcceptsWebhook)
        {
            return TypedResults.NotFound();
        }
        var logger = services.GetRequiredService<ILogger<TelegramUpdateHandler>>();
        if (!SecretMatches(context.Request.Headers[SecretHeader].ToString(), options.WebhookSecret!))
        {
            TelegramLog.WebhookRejected(logger, "secret token mismatch");
            return TypedResults.Unauthorized();
        }
        var body = await RequestBody.ReadAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (TryParse(body) is not { } update)
        {
            TelegramLog.WebhookRejected(logger, "malformed update");
            return TypedResults.BadRequest();
        }
        var outcome = await services.GetRequiredService<TelegramUpdateHandler>().HandleAsync(update, cancellationToken);
        return outcome == TelegramUpdateOutcome.Failed
            ? TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok();
    }

    internal static bool SecretMatches(string received, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(received), Encoding.UTF8.GetBytes(expected));

    /// <summary>Any failure to read the JSON as an update is the sender's fault: null → 400.</summary>
    internal static Update? TryParse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options) is { Id: > 0 } update ? update : null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException
                                       or NotSupportedException or FormatException or OverflowException
                                       or InvalidCastException or KeyNotFoundException or IndexOutOfRangeException
                                       or NullReferenceException)
        {
            return null;
        }
    }
}
