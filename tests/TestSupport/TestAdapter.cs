using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.State;
using IntegrationBot.Dialogs.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationBot.TestSupport;

/// <summary>
/// A channel for tests on the real durable path (<see cref="TurnRunner"/>): each turn commits into the outbox, which is
/// drained into <see cref="Sender"/>. Build it over memory (<see cref="InMemory"/>) or over any stores (e.g. a LiteDB temp file).
/// </summary>
public sealed class TestAdapter
{
    public const string ChannelId = "test";
    private int _nextId;

    private TestAdapter(BotRuntime runtime, IStorage storage, IOutboxStore outbox, TimeProvider time, OutboxOptions outboxOptions, IDeliveryObserver? observer)
    {
        Runner = new TurnRunner(runtime);
        Storage = storage;
        OutboxStore = outbox;
        Time = time;
        ConversationState = (ConversationState)runtime.States[0];
        UserState = (UserState)runtime.States[1];
        Sender = new RecordingSender(ChannelId);
        Dispatcher = new OutboxDispatcher(outbox, [Sender], runtime.OutboxSignal, Options.Create(outboxOptions), time, NullLogger<OutboxDispatcher>.Instance, observer: observer)
        {
            Jitter = () => 1.0,
        };
    }

    /// <summary>The runner every channel uses; the methods below forward to it.</summary>
    public TurnRunner Runner { get; }

    public IStorage Storage { get; }

    public IOutboxStore OutboxStore { get; }

    public TimeProvider Time { get; }

    public ConversationState ConversationState { get; }

    public UserState UserState { get; }

    public RecordingSender Sender { get; }

    public OutboxDispatcher Dispatcher { get; }

    public string ConversationId { get; set; } = "conv-1";

    public ChannelAccount User { get; set; } = new("user-1", "Ana", RoleTypes.User);

    public static TestAdapter InMemory(TimeProvider? time = null, IEnumerable<IMiddleware>? middleware = null, OutboxOptions? outboxOptions = null)
    {
        time ??= TimeProvider.System;
        var storage = new MemoryStorage();
        var turnStore = new MemoryTurnStore(storage, time);
        return Create(storage, turnStore, turnStore, time, middleware, outboxOptions);
    }

    public static TestAdapter Create(
        IStorage storage,
        ITurnStore turnStore,
        IOutboxStore outbox,
        TimeProvider time,
        IEnumerable<IMiddleware>? middleware = null,
        OutboxOptions? outboxOptions = null,
        IConversationLock? conversationLock = null,
        IDeliveryObserver? observer = null,
        ITurnSessions? sessions = null)
    {
        var runtime = new BotRuntime(
            turnStore,
            conversationLock ?? new KeyedAsyncLock(),
            [new ConversationState(storage), new UserState(storage)],
            middleware ?? [],
            new OutboxSignal(),
            sessions: sessions);
        return new TestAdapter(runtime, storage, outbox, time, outboxOptions ?? new OutboxOptions(), observer);
    }

    /// <summary>A user message in the current conversation with a fresh id.</summary>
    public Activity MakeMessage(string? text) => new()
    {
        Type = ActivityTypes.Message,
        Id = $"in-{Interlocked.Increment(ref _nextId)}-{Guid.NewGuid():N}",
        ChannelId = ChannelId,
        Conversation = new ConversationAccount(ConversationId),
        From = User,
        Recipient = new ChannelAccount("bot", "IntegrationBot", RoleTypes.Bot),
        Locale = "sl",
        Text = text,
        Timestamp = Time.GetUtcNow(),
    };

    public Task<TurnResult> ProcessActivityAsync(Activity activity, IBot bot, CancellationToken cancellationToken) =>
        Runner.ProcessActivityAsync(activity, bot, cancellationToken);

    public Task<TurnResult> ContinueConversationAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken) =>
        Runner.ContinueConversationAsync(reference, callback, cancellationToken);

    public Task<TurnResult> ContinueConversationOnceAsync(ConversationReference reference, string operationId, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken) =>
        Runner.ContinueConversationOnceAsync(reference, operationId, callback, cancellationToken);

    /// <summary>Runs the activity as a turn and delivers its replies at once.</summary>
    public async Task<TurnResult> SendAsync(Activity activity, IBot bot, CancellationToken cancellationToken = default)
    {
        var result = await ProcessActivityAsync(activity, bot, cancellationToken);
        await Dispatcher.DrainOnceAsync(cancellationToken);
        return result;
    }
}
