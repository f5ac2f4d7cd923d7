using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.DirectLine;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>The web chat channel over one database as the host composes it: the log with its tail, the sender, the outbox.</summary>
internal sealed class WebChat
{
    public WebChat(SharedLiteDatabase database, TimeProvider time, ITurnStore? turns = null, IOutboxStore? outbox = null)
    {
        Log = new LiteDbDirectLineStore(database, time);
        Recent = new RecentActivities(time);
        Store = new TailedDirectLineStore(Log, Recent);
        Sender = new DirectLineSender(Store, Signals, time);
        Turns = turns ?? new LiteDbTurnStore(database, time);
        Outbox = outbox ?? new LiteDbOutboxStore(database);
        Dispatcher = new OutboxDispatcher(Outbox, [Sender], new OutboxSignal(), Options.Create(new OutboxOptions()), time, NullLogger<OutboxDispatcher>.Instance);
    }

    public LiteDbDirectLineStore Log { get; }

    public RecentActivities Recent { get; }

    public ConversationSignals Signals { get; } = new();

    public TailedDirectLineStore Store { get; }

    public DirectLineSender Sender { get; }

    public ITurnStore Turns { get; }

    public IOutboxStore Outbox { get; }

    public OutboxDispatcher Dispatcher { get; }
}
