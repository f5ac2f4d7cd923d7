using System.Reflection;
using LiteDB;
using LiteDB.Engine;
using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// LiteDB's queue of log pages. A commit only enqueues its pages; LiteDB's writer usually writes them on the
/// committing thread before the commit returns, but not always (the first commit after opening, or a caller whose
/// synchronization context forbids running the writer inline). <see cref="WaitUntilWritten"/> waits until every
/// enqueued page has reached the log stream, so a write counted by <see cref="DiskSync"/> is really in the file.
/// </summary>
/// <remarks>LiteDB 5 keeps this queue internal, so it is reached by reflection once at open. The names are those of
/// LiteDB 5.0.x; if an upgrade renames them, opening fails loudly instead of silently weakening durability.</remarks>
internal sealed class LiteDbLogQueue
{
    private readonly Action _wait;

    private LiteDbLogQueue(Action wait) => _wait = wait;

    public static LiteDbLogQueue Of(LiteEngine engine)
    {
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var disk = typeof(LiteEngine).GetField("_disk", Instance)?.GetValue(engine);
        var lazyQueue = disk?.GetType().GetProperty("Queue", Instance)?.GetValue(disk);
        var queue = lazyQueue?.GetType().GetProperty("Value", Instance)?.GetValue(lazyQueue);
        var wait = queue?.GetType().GetMethod("Wait", Instance, Type.EmptyTypes);
        if (queue is null || wait is null)
        {
            throw new InvalidOperationException(
                "This LiteDB version does not expose its log writer queue as 5.0.x did; IntegrationBot's disk sync must be checked against it.");
        }

        return new LiteDbLogQueue((Action)Delegate.CreateDelegate(typeof(Action), queue, wait));
    }

    /// <summary>Call under the write lock, after a commit: returns once the commit's pages are in the log stream.</summary>
    public void WaitUntilWritten()
    {
        try
        {
            _wait();
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_DATAFILE_STATE)
        {
            // LiteDB asserts the queue is still empty after the wait; a write outside the write lock (a test poking the
            // database directly) can refill it meanwhile. The queue was empty, so this commit's pages were written.
        }
    }
}
