using System.Text.Json;
using IntegrationBot.Channels.Common;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;

namespace IntegrationBot.Channels.Viber;

/// <summary>Produces the welcome that <c>conversation_started</c> must carry in its HTTP answer (Viber's messages run
/// through <see cref="BotInbound"/> like every channel's).</summary>
public sealed class ViberWelcome(TurnRunner runner, IBot bot) : IWelcomeActivitySource
{
    /// <summary>Marks replies already delivered in the webhook answer; the sender skips them.</summary>
    public const string WelcomeMarker = "viberWelcome";

    private static readonly JsonElement MarkerData =
        JsonSerializer.SerializeToElement(new Dictionary<string, bool> { [WelcomeMarker] = true });

    /// <summary>Runs the welcome as a normal committed turn (state is kept) but marks its replies, so the HTTP answer
    /// carries the first and the outbox does not send them again to a user who cannot receive messages yet.</summary>
    public async Task<Activity?> GetWelcomeAsync(Activity conversationUpdate, CancellationToken cancellationToken)
    {
        var captured = new List<Activity>();
        var result = await runner.ProcessActivityAsync(conversationUpdate, new WelcomeTurn(bot, captured), cancellationToken);
        return result.Status == TurnStatus.Processed
            ? captured.FirstOrDefault(a => a.Type == ActivityTypes.Message)
            : null;
    }

    public static bool IsWelcome(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(WelcomeMarker, out var flag) && flag.ValueKind == JsonValueKind.True;

    private sealed class WelcomeTurn(IBot inner, List<Activity> captured) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            captured.Clear();
            turnContext.OnSendActivities((_, activities, next) =>
            {
                for (var i = 0; i < activities.Count; i++)
                {
                    activities[i] = activities[i] with { ChannelData = MarkerData };
                    captured.Add(activities[i]);
                }
                return next();
            });
            return inner.OnTurnAsync(turnContext, cancellationToken);
        }
    }
}
