using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace IntegrationBot.Channels.Telegram;

/// <summary>One update, from the webhook or from polling: answer a button press at once, run the turn (once for a
/// button tapped twice, see <see cref="RepeatedTaps"/>).</summary>
/// <remarks>A redelivered update needs no check here: its activity keeps the <c>update_id</c> as its id, and the turn
/// runner's durable inbound check acknowledges it, waiting first for the turn of a delivery still in progress.</remarks>
public sealed class TelegramUpdateHandler(
    [FromKeyedServices(TelegramActivityMapper.ChannelId)] IInboundActivityHandler inbound,
    ICallbackDataStore callbackData,
    RepeatedTaps repeatedTaps,
    TelegramClientFactory clients,
    IOptions<TelegramOptions> options,
    ILogger<TelegramUpdateHandler> logger)
{
    /// <param name="cancellationToken">The caller's (the webhook request's); an accepted update's turn does not take it.</param>
    public async Task<TelegramUpdateOutcome> HandleAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            // The turn gets no cancellation: once accepted it runs to its end even if the sender hangs up (it redelivers,
            // and the redelivery waits for this turn on the conversation's lock).
            var activity = await RunTurnAsync(update, CancellationToken.None);
            return activity is null ? TelegramUpdateOutcome.Ignored : TelegramUpdateOutcome.Processed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TelegramLog.TurnFailed(logger, update.Id, ex);
            return TelegramUpdateOutcome.Failed;
        }
    }

    /// <returns>The activity the turn ran on, or null for an update the bot ignores (a kind it does not handle, a
    /// repeated tap of a button).</returns>
    private async Task<Activity?> RunTurnAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.CallbackQuery is { Id.Length: > 0 } query)
        {
            await AnswerCallbackAsync(update.Id, query.Id, cancellationToken);
            if (repeatedTaps.IsRepeat(update.Id, query))
            {
                TelegramLog.RepeatedTapIgnored(logger, update.Id);
                return null;
            }
        }
        var activity = TelegramActivityMapper.ToActivity(update, options.Value.BotId, callbackData);
        if (activity is not null)
        {
            await inbound.HandleAsync(activity, cancellationToken);
        }
        return activity;
    }

    /// <summary>Telegram shows a spinner on the button until answered and refuses answers after ~15 s, so answer first.</summary>
    private async Task AnswerCallbackAsync(int updateId, string queryId, CancellationToken cancellationToken)
    {
        try
        {
            await clients.Create().AnswerCallbackQuery(queryId, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            TelegramLog.CallbackAnswerFailed(logger, updateId, ex);
        }
    }
}
