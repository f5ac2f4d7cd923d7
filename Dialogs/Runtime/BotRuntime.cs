using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationBot.Dialogs.Runtime;

/// <summary>What every <see cref="BotAdapter"/> needs to run durable turns; one instance per process (a DI singleton).</summary>
public sealed class BotRuntime(
    ITurnStore turnStore,
    IConversationLock conversationLock,
    IEnumerable<BotState> states,
    IEnumerable<IMiddleware> middleware,
    OutboxSignal outboxSignal,
    ILogger<BotAdapter>? logger = null)
{
    public ITurnStore TurnStore { get; } = turnStore;

    public IConversationLock ConversationLock { get; } = conversationLock;

    /// <summary>The state scopes whose changes each turn commits.</summary>
    public IReadOnlyList<BotState> States { get; } = [.. states];

    public MiddlewareSet Middleware { get; } = new(middleware);

    public OutboxSignal OutboxSignal { get; } = outboxSignal;

    public ILogger<BotAdapter> Logger { get; } = logger ?? NullLogger<BotAdapter>.Instance;

    /// <summary>How often a turn is rerun after losing an eTag race before giving up.</summary>
    public int MaxCommitAttempts { get; init; } = 5;
}
