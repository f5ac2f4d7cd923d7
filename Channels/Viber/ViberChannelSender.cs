using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace IntegrationBot.Channels.Viber;

/// <summary>Delivers outbox activities with <c>send_message</c>; stops for unsubscribed users instead of sending.</summary>
public sealed class ViberChannelSender(
    IViberClient client,
    IViberSubscribers subscribers,
    IOptions<ViberOptions> options,
    TimeProvider time,
    ILogger<ViberChannelSender> logger) : IChannelSender
{
    private readonly SendPacer _pacer = new(options.Value.Pacing, time);

    /// <summary>Viber gives no retry time for status 12; its limit is per hour, so wait a while, not seconds.</summary>
    public static readonly TimeSpan TooManyRequestsDelay = TimeSpan.FromMinutes(2);

    public string ChannelId => ViberActivityMapper.ChannelId;

    /// <summary>One outbox entry per Viber message, so a fault on a later part neither repeats nor hides the others.</summary>
    public IReadOnlyList<Activity> SplitIntoMessages(Activity activity) =>
        ViberWelcome.IsWelcome(activity) ? [activity] : ViberActivityMapper.SplitIntoMessages(activity);

    public async Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsEnabled)
        {
            return DeliveryResult.Failed("Viber is not configured", permanent: true);
        }
        if (ViberWelcome.IsWelcome(activity))
        {
            return DeliveryResult.Delivered;
        }
        if (activity.Conversation?.Id is not { Length: > 0 } receiver)
        {
            return DeliveryResult.Failed("no Viber receiver", permanent: true);
        }
        if (subscribers.IsUnsubscribed(receiver))
        {
            return DeliveryResult.Gone(UnreachableReason.Left);
        }
        try
        {
            foreach (var message in ViberActivityMapper.ToSendMessages(activity, receiver, o.BotName, o.MinApiVersion))
            {
                await _pacer.WaitAsync(receiver, interactive: activity.ReplyToId is not null, cancellationToken);
                var answer = await client.SendMessageAsync(message, cancellationToken);
                if (answer.IsOk)
                {
                    continue;
                }
                ViberLog.SendFailed(logger, answer.Status);
                if (answer.ReceiverGone)
                {
                    subscribers.MarkUnsubscribed(receiver);
                    return DeliveryResult.Gone(UnreachableReason.Left);
                }
                return answer.Status == ViberApiResponse.TooManyRequests
                    ? DeliveryResult.RetryAfter(TooManyRequestsDelay)
                    : DeliveryResult.Failed($"viber status {answer.Status}", answer.IsPermanentFailure);
            }
            return DeliveryResult.Delivered;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SendFailure.IsRetryable(ex)
                ? DeliveryResult.Failed(ex.GetType().Name, permanent: false)
                : DeliveryResult.Failed(SendFailure.UnconfirmedReason, permanent: true);
        }
    }
}
