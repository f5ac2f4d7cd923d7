using System.Security.Cryptography;
using System.Text;
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
        if (await WebhookBody.ReadAsync(context.Request, cancellationToken) is not { } body)
        {
            return WebhookBody.TooLarge;
        }
        // An update_id is what makes redelivery safe; an update without one is not an update.
        if (body.ReadJson<Update>(JsonBotAPI.Options) is not { Id: > 0 } update)
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
}
