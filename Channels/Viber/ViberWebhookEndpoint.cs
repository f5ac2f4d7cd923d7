using IntegrationBot.Channels.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.Viber;

/// <summary><c>POST /api/viber</c>: signature over the raw bytes first, then the event.</summary>
public static class ViberWebhookEndpoint
{
    public const string Path = "/api/viber";
    public const string BotId = "viber-bot";

    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<ViberOptions>>().Value;
        if (!options.IsEnabled)
        {
            return TypedResults.NotFound();
        }
        var logger = services.GetRequiredService<ILogger<ViberWebhookRegistration>>();
        if (await WebhookBody.ReadAsync(context.Request, cancellationToken) is not { } body)
        {
            return WebhookBody.TooLarge;
        }
        if (!ViberSignature.Verify(body.Bytes, options.AuthToken!, context.Request.Headers[ViberSignature.Header].ToString()))
        {
            ViberLog.WebhookRejected(logger, "bad signature");
            return TypedResults.Unauthorized();
        }
        if (body.ReadJson<ViberCallback>(ViberJson.Options) is not { Event.Length: > 0 } callback)
        {
            ViberLog.WebhookRejected(logger, "malformed callback");
            return TypedResults.BadRequest();
        }
        // Viber's user ids are about 24 characters; a far longer one is not Viber's and would fail as a storage key
        // (LiteDB index keys are limited), answering 5xx, which Viber would redeliver forever.
        if (new[] { callback.UserId, callback.Sender?.Id, callback.User?.Id }.Any(id => id?.Length > ViberActivityMapper.MaxUserIdLength))
        {
            ViberLog.WebhookRejected(logger, "user id too long");
            return TypedResults.BadRequest();
        }
        var subscribers = services.GetRequiredService<IViberSubscribers>();
        return callback.Event switch
        {
            ViberCallback.ConversationStarted => await WelcomeAsync(callback, subscribers, options, services, logger, cancellationToken),
            ViberCallback.Subscribed when callback.User?.Id is { Length: > 0 } id => Ack(() => subscribers.MarkSubscribed(id)),
            ViberCallback.Unsubscribed when callback.UserId is { Length: > 0 } id => Ack(() => subscribers.MarkUnsubscribed(id)),
            ViberCallback.MessageEvent => await MessageAsync(callback, subscribers, services, logger, cancellationToken),
            // webhook check, delivered, seen, failed, client_status and kinds added later: acknowledged, nothing to do.
            _ => TypedResults.Ok(),
        };
    }

    private static IResult Ack(Action mark)
    {
        mark();
        return TypedResults.Ok();
    }

    private static async Task<IResult> MessageAsync(ViberCallback callback, IViberSubscribers subscribers,
        IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        if (ViberActivityMapper.ToActivity(callback, BotId) is not { } activity)
        {
            return TypedResults.BadRequest();
        }
        // Writing to the bot subscribes the user, without a separate subscribed callback.
        subscribers.MarkSubscribed(activity.From!.Id);
        try
        {
            // The turn gets no cancellation: once accepted it runs to its end even if Viber hangs up (it redelivers, and
            // the redelivery waits for this turn on the conversation's lock; the turn runner's durable inbound check
            // then acknowledges the repeated message_token, which the activity keeps as its id).
            await services.GetRequiredKeyedService<IInboundActivityHandler>(ViberActivityMapper.ChannelId)
                .HandleAsync(activity, CancellationToken.None);
            return TypedResults.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ViberLog.TurnFailed(logger, callback.MessageToken!.Value, ex);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The welcome goes IN the HTTP answer: it is the one message Viber lets us send before a subscription.</summary>
    private static async Task<IResult> WelcomeAsync(ViberCallback callback, IViberSubscribers subscribers, ViberOptions options,
        IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        if (ViberActivityMapper.ToConversationUpdate(callback, BotId) is not { } update)
        {
            return TypedResults.BadRequest();
        }
        // Viber says whether the person is subscribed: a subscribed event that never reached us is made good here.
        if (callback.IsSubscribed == true)
        {
            subscribers.MarkSubscribed(update.From!.Id);
        }
        try
        {
            var source = services.GetKeyedService<IWelcomeActivitySource>(ViberActivityMapper.ChannelId);
            var welcome = source is null ? null : await source.GetWelcomeAsync(update, cancellationToken);
            var message = welcome is null ? null
                : ViberActivityMapper.ToSendMessages(welcome, null, options.BotName, options.MinApiVersion).FirstOrDefault();
            return message is null ? TypedResults.Ok() : TypedResults.Json(message, ViberJson.Options);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No welcome is better than a retry storm: Viber re-posts conversation_started on failure.
            ViberLog.WelcomeFailed(logger, ex);
            return TypedResults.Ok();
        }
    }
}
