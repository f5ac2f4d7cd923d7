using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>What every <see cref="TurnRunner"/> needs to run durable turns; one instance per process (a DI singleton).</summary>
public sealed class BotRuntime(
    ITurnStore turnStore,
    IConversationLock conversationLock,
    IEnumerable<BotState> states,
    IEnumerable<IMiddleware> middleware,
    OutboxSignal outboxSignal,
    ILogger<TurnRunner>? logger = null,
    IEnumerable<IChannelSender>? senders = null,
    IUnreachableRecipients? unreachable = null,
    ITurnSessions? sessions = null)
{
    private readonly Dictionary<string, IChannelSender> _senders =
        (senders ?? []).ToDictionary(s => s.ChannelId, StringComparer.Ordinal);

    public ITurnStore TurnStore { get; } = turnStore;

    public IConversationLock ConversationLock { get; } = conversationLock;

    /// <summary>How a turn takes its lock, checks its inbound id, reads ahead and commits (the store's own way when it has one).</summary>
    public ITurnSessions Sessions { get; } = sessions ?? new StoreTurnSessions(conversationLock, turnStore);

    /// <summary>The state scopes whose changes each turn commits.</summary>
    public IReadOnlyList<BotState> States { get; } = [.. states];

    public MiddlewareSet Middleware { get; } = new(middleware);

    public OutboxSignal OutboxSignal { get; } = outboxSignal;

    /// <summary>People marked unreachable on a channel; a message from them clears their mark.</summary>
    public IUnreachableRecipients? Unreachable { get; } = unreachable;

    public ILogger<TurnRunner> Logger { get; } = logger ?? NullLogger<TurnRunner>.Instance;

    /// <summary>A turn's replies as the messages their channels will send, one outbox entry each.</summary>
    public IReadOnlyList<Activity> SplitIntoMessages(IReadOnlyList<Activity> replies) =>
        replies.Any(r => r.ChannelId is { } c && _senders.ContainsKey(c))
            ? [.. replies.SelectMany(r => r.ChannelId is { } c && _senders.TryGetValue(c, out var sender) ? sender.SplitIntoMessages(r) : [r])]
            : replies;

    /// <summary>How often a turn is rerun after losing an eTag race before giving up.</summary>
    public int MaxCommitAttempts { get; init; } = 5;
}
