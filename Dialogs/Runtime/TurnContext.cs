using IntegrationBot.Dialogs.Activities;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>
/// The turn context used by <see cref="TurnRunner"/>. Replies are buffered, not sent: the runner commits them to the
/// outbox together with the turn's state changes, so a reply is never lost and never sent for a turn that did not commit.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<SendActivitiesHandler> _handlers = [];
    private readonly List<Activity> _outgoing = [];
    private readonly Func<string> _newId;
    private Activity? _replyTemplate;

    public TurnContext(Activity activity, Func<string>? newId = null)
    {
        Activity = activity;
        _newId = newId ?? ReplyIds.Next;
    }

    public Activity Activity { get; }

    public TurnStateCollection TurnState { get; } = new();

    public bool Responded { get; private set; }

    /// <summary>The replies of this turn, in order, after all handlers ran.</summary>
    public IReadOnlyList<Activity> BufferedActivities => _outgoing;

    public async Task<string> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        await SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);

    public async Task<string> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var ids = await SendActivitiesAsync([activity], cancellationToken);
        return ids.Count > 0 ? ids[0] : string.Empty;
    }

    public Task<IReadOnlyList<string>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        cancellationToken.ThrowIfCancellationRequested();
        var batch = activities.Select(Address).ToList();
        return RunHandlers(0, batch);
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(handler);
        return this;
    }

    private Task<IReadOnlyList<string>> RunHandlers(int index, List<Activity> batch)
    {
        if (index < _handlers.Count)
        {
            return _handlers[index](this, batch, () => RunHandlers(index + 1, batch));
        }

        var ids = new List<string>(batch.Count);
        foreach (var activity in batch)
        {
            var withId = activity.Id is null ? activity with { Id = _newId() } : activity;
            _outgoing.Add(withId);
            ids.Add(withId.Id!);
        }

        Responded |= batch.Count > 0;
        return Task.FromResult<IReadOnlyList<string>>(ids);
    }

    private Activity Address(Activity activity)
    {
        // The reply address is the same for every message of the turn.
        var reply = _replyTemplate ??= Activity.CreateReply();
        return activity with
        {
            ChannelId = activity.ChannelId ?? reply.ChannelId,
            ServiceUrl = activity.ServiceUrl ?? reply.ServiceUrl,
            Conversation = activity.Conversation ?? reply.Conversation,
            From = activity.From ?? reply.From,
            Recipient = activity.Recipient ?? reply.Recipient,
            ReplyToId = activity.ReplyToId ?? reply.ReplyToId,
            Locale = activity.Locale ?? reply.Locale,
        };
    }
}
