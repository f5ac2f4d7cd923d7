using System.Net;
using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Types.Enums;

namespace IntegrationBot.Channels.Telegram;

/// <summary>Delivers outbox activities to Telegram and translates the Bot API's answers into delivery results.</summary>
/// <remarks>A reply over 4096 characters is committed as one outbox entry per message (<see cref="SplitIntoMessages"/>),
/// so a fault on a later part neither repeats the earlier ones nor goes unreported.</remarks>
public sealed class TelegramChannelSender(
    TelegramClientFactory clients,
    ICallbackDataStore callbackData,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramChannelSender> logger) : IChannelSender
{
    private readonly SendPacer _pacer = new(options.Value.Pacing, time);

    public string ChannelId => TelegramActivityMapper.ChannelId;

    public IReadOnlyList<Activity> SplitIntoMessages(Activity activity) => TelegramActivityMapper.SplitIntoMessages(activity);

    public async Task<DeliveryResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!options.Value.IsEnabled)
        {
            return DeliveryResult.Failed("Telegram is not configured", permanent: true);
        }
        if (activity.Conversation is null || !long.TryParse(activity.Conversation.Id, out _))
        {
            return DeliveryResult.Failed("no Telegram chat id", permanent: true);
        }
        var client = clients.Create();
        try
        {
            // Answers to someone talking now carry the id of their message; proactive ones (reminders, announcements,
            // counselor messages) do not, and wait behind them when the overall rate is the limit.
            var interactive = activity.ReplyToId is not null;
            if (TelegramActivityMapper.ToChatAction(activity) is { } action)
            {
                await _pacer.WaitAsync(activity.Conversation.Id, interactive, cancellationToken);
                await client.SendRequest(action, cancellationToken);
                return DeliveryResult.Delivered;
            }
            foreach (var request in TelegramActivityMapper.ToSendMessageRequests(activity, callbackData))
            {
                await _pacer.WaitAsync(activity.Conversation.Id, interactive, cancellationToken);
                await SendMessageAsync(client, request, cancellationToken);
            }
            return DeliveryResult.Delivered;
        }
        catch (ApiRequestException ex)
        {
            TelegramLog.SendFailed(logger, ex.ErrorCode, ex);
            return ex switch
            {
                { ErrorCode: 429 } => DeliveryResult.RetryAfter(TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 5))),
                // 403: blocked by the user, deactivated or kicked: nothing more goes to this chat until they write.
                { ErrorCode: 403 } => DeliveryResult.Gone(ex.Message.Contains("blocked", StringComparison.OrdinalIgnoreCase)
                    ? UnreachableReason.Blocked
                    : UnreachableReason.Left),
                // 400 bad request, 404 chat gone: resending cannot help.
                { ErrorCode: 400 or 404 } => DeliveryResult.Failed($"telegram {ex.ErrorCode}", permanent: true),
                _ => DeliveryResult.Failed($"telegram {ex.ErrorCode}", permanent: false),
            };
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or TimeoutRejectedException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            TelegramLog.SendFailed(logger, 0, ex);
            return SendFailure.IsRetryable(ex)
                ? DeliveryResult.Failed(ex.GetType().Name, permanent: false)
                : DeliveryResult.Failed(SendFailure.UnconfirmedReason, permanent: true);
        }
    }

    /// <summary>Should Telegram ever refuse our HTML, the same words go out as plain text rather than not at all.</summary>
    private async Task SendMessageAsync(ITelegramBotClient client, SendMessageRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendRequest(request, cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase))
        {
            TelegramLog.SendFailed(logger, ex.ErrorCode, ex);
            var plain = WebUtility.HtmlDecode(request.Text.Replace("<b>", "", StringComparison.Ordinal).Replace("</b>", "", StringComparison.Ordinal));
            await client.SendRequest(new SendMessageRequest
            {
                ChatId = request.ChatId, Text = plain, ParseMode = ParseMode.None, ReplyMarkup = request.ReplyMarkup,
            }, cancellationToken);
        }
    }
}
