using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Runtime;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Channels.DirectLine;

/// <summary>
/// Takes what the page sends: stores the user's message (the echo Web Chat waits for), then runs the turn; on LiteDB the
/// echo is written by the turn's own commit (<see cref="IDirectLineStore.AppendBeforeTurnAsync"/>), elsewhere before it.
/// A resend (same clientActivityID) finds the stored echo and the same inbound id, so it is never processed twice.
/// </summary>
public sealed class DirectLineInbox(
    IDirectLineStore store,
    ConversationSignals signals,
    TurnRunner runner,
    IBot bot,
    IOptions<InputOptions> inputOptions,
    TimeProvider time)
{
    /// <summary>The channel id of the web chat widget's activities (Bot Framework's own name for Web Chat).</summary>
    public const string ChannelId = "webchat";

    private static readonly ChannelAccount BotAccount = new("integrationbot", "IntegrationBot", RoleTypes.Bot);

    /// <summary>Opens the conversation if new and runs the bot's welcome, since Web Chat never sends conversationUpdate.</summary>
    /// <remarks>The welcome carries the locale the page's language picker chose, so the flows can skip asking again.</remarks>
    public async Task<bool> StartAsync(DirectLineToken token, string? locale, string serviceUrl, CancellationToken cancellationToken)
    {
        var created = await store.CreateConversationAsync(token.ConversationId, token.UserId, locale, cancellationToken);
        locale ??= await store.LocaleOfAsync(token.ConversationId, cancellationToken);
        var user = new ChannelAccount(token.UserId, Role: RoleTypes.User);
        var welcome = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = token.ConversationId + "|welcome",
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(token.ConversationId),
            From = user,
            Recipient = BotAccount,
            MembersAdded = [user],
            Locale = locale,
            Timestamp = time.GetUtcNow(),
        };
        // The welcome's fixed id makes a repeated start (or a retry after a crash) greet exactly once.
        await runner.ProcessActivityAsync(welcome, bot, cancellationToken);
        return created;
    }

    /// <summary>Stores the person's message and runs its turn; the message's id, or <c>null</c> when the conversation no
    /// longer exists (erased meanwhile): nothing is stored and no turn runs.</summary>
    public async Task<string?> PostAsync(DirectLineToken token, Activity posted, string serviceUrl, CancellationToken cancellationToken)
    {
        var clientActivityId = ClientActivityId(posted);
        var text = posted.Text;
        // The bot refuses a message longer than it reads without reading it, so its text is not kept in the log (where it
        // would stay for the retention period); the turn still gets it, to tell the person why. One over the length limit
        // that the bot still reads stays, so the person sees what they wrote and can shorten it.
        var refused = text?.Length > inputOptions.Value.MaxReadLength;
        var activity = posted with
        {
            Type = posted.Type is { Length: > 0 } ? posted.Type : ActivityTypes.Message,
            Id = null,
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl,
            // The token, not the body, says who is speaking and where.
            // No display name: it would be kept with every message and reply (even the confirmation of an erasure).
            From = new ChannelAccount(token.UserId, Role: RoleTypes.User),
            Recipient = BotAccount,
            Conversation = new ConversationAccount(token.ConversationId),
            Text = refused ? null : text,
            Timestamp = time.GetUtcNow(),
        };

        if (await store.AppendBeforeTurnAsync(token.ConversationId, activity, clientActivityId, cancellationToken) is not { } echo)
        {
            return null;
        }

        var durableBeforeTurn = echo.Durable.IsCompletedSuccessfully;
        if (durableBeforeTurn)
        {
            signals.Appended(token.ConversationId);
        }

        var appended = echo.Appended;
        await runner.ProcessActivityAsync(refused ? appended.Activity with { Text = text } : appended.Activity, bot, cancellationToken);
        if (!durableBeforeTurn)
        {
            // Written by the turn's commit (LiteDB): acknowledged only once durable, so the page never hears "sent" of a
            // message a crash could lose; a turn that failed throws above and the page resends (same id, no second turn).
            await echo.Durable;
            signals.Appended(token.ConversationId);
        }

        return appended.Activity.Id!;
    }

    private static string? ClientActivityId(Activity posted) =>
        posted.ChannelData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id)
        && id.ValueKind == System.Text.Json.JsonValueKind.String
            ? "client:" + id.GetString()
            : posted.Id is { Length: > 0 } postedId ? "client:" + postedId : null;
}
