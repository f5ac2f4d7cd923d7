using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.DirectLine;
using IntegrationBot.Storage.LiteDb.Engine;
using IntegrationBot.Storage.LiteDb.Outbox;

namespace IntegrationBot.Storage.LiteDb.State;

/// <summary>
/// What the process keeps in memory of one LiteDB file (issue 19): the state documents of active conversations, the
/// pending outbox and a filter of the processed inbound ids. Held by the <see cref="SharedLiteDatabase"/> (<see cref="SharedLiteDatabase.Hot"/>) so every store of the file (state, turn,
/// outbox, privacy) sees the same copy without widening their constructors.
/// </summary>
public sealed class LiteDbHotState
{
    /// <summary>Defaults when the file was opened without <see cref="StorageOptions"/> (tests, tools).</summary>
    public const int DefaultCachedDocuments = StorageOptions.DefaultCachedDocuments;
    public const int DefaultCacheMegabytes = StorageOptions.DefaultCacheMegabytes;
    public const int DefaultOutboxEntries = StorageOptions.DefaultOutboxEntries;

    public LiteDbHotState(int cachedDocuments, long cacheBytes, int outboxEntries)
    {
        State = new LiteDbStateCache(cachedDocuments, cacheBytes);
        Outbox = new LiteDbOutboxMirror(outboxEntries);
        // As many as the cache holds documents: the facts of a conversation live about as long as its state in memory.
        Facts = new LiteDbFileFacts(cachedDocuments);
    }

    public LiteDbStateCache State { get; }

    public LiteDbOutboxMirror Outbox { get; }

    /// <summary>The eTags and sequence counters the file holds, for the commit's checks without a query; only inside the
    /// writer's transactions (see <see cref="LiteDbFileFacts"/>).</summary>
    public LiteDbFileFacts Facts { get; }

    /// <summary>Which inbound ids are certainly not in the file (the duplicate check without a read).</summary>
    public LiteDbInboundFilter Inbound { get; } = new();

    /// <summary>Web chat lines committed with their turn and not yet announced to the page by their delivery.</summary>
    public CommittedWebChatLines WebChatLines { get; } = new();

    /// <summary>The web chat log's sequence numbers, so the user's message is numbered before the turn that writes it.</summary>
    public LiteDbWebChatSequences WebChatSequences { get; } = new();

    /// <summary>The hot state of <paramref name="database"/>, created with the defaults on first use.</summary>
    public static LiteDbHotState For(SharedLiteDatabase database) => database.Hot;

    /// <summary>A hot state with the default bounds.</summary>
    public static LiteDbHotState WithDefaults() => new(DefaultCachedDocuments, DefaultCacheMegabytes * 1024L * 1024L, DefaultOutboxEntries);

    /// <summary>Sets the bounds of <paramref name="database"/>'s hot state; call once, right after opening the file.</summary>
    public static void Attach(SharedLiteDatabase database, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Attach(database, new LiteDbHotState(options.CachedDocuments, options.CacheMegabytes * 1024L * 1024L, options.CachedOutboxEntries));
    }

    /// <summary>Uses <paramref name="hot"/> for <paramref name="database"/>; before any store of the file is created.</summary>
    public static void Attach(SharedLiteDatabase database, LiteDbHotState hot) => database.Hot = hot;

    /// <summary>Forgets the copies read outside the writer: erasure and retention changed the file directly (they also
    /// drop <see cref="Facts"/>, inside their transaction).</summary>
    public void Forget()
    {
        State.Clear();
        Outbox.Unload();
    }
}
