using LiteDB;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>Runs writes to a shared <see cref="LiteDatabase"/>: one transaction at a time, done when durable.</summary>
public interface ILiteDbWriter
{
    /// <summary>Runs <paramref name="write"/> in one transaction; completes once the commit is as durable as the host configured.</summary>
    Task<T> WriteAsync<T>(Func<LiteDatabase, T> write, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="WriteAsync{T}"/> but completes once committed, before the disk sync: for a write that a durable
    /// write coming right after it covers (one fsync makes every earlier write of the file durable).
    /// </summary>
    Task<T> WriteWithoutWaitingForDiskAsync<T>(Func<LiteDatabase, T> write, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="write"/> for the transaction that commits the next turn of conversation
    /// <paramref name="conversationKey"/> (state, inbound id, outbox entries): nothing of the turn is written outside its
    /// commit. Returns at once; the task completes when that transaction commits (not when it is durable). Do not await
    /// it before the turn commits. A turn that never commits leaves the write to run on its own a moment later.
    /// A writer without turn commits (a plain file's lock) runs it at once.
    /// </summary>
    Task<T> JoinTurn<T>(string conversationKey, Func<LiteDatabase, T> write) => WriteWithoutWaitingForDiskAsync(write, CancellationToken.None);

    /// <summary>
    /// Runs <paramref name="write"/> in the next transaction, whatever it is, or one of its own moments later; returns at
    /// once and completes at that commit. For small writes whose loss in a crash is harmless (a delivery mark, a
    /// counter). A writer without transactions to share (a plain file's lock) runs it at once.
    /// </summary>
    Task<T> WriteWithNextAsync<T>(Func<LiteDatabase, T> write) => WriteWithoutWaitingForDiskAsync(write, CancellationToken.None);

    /// <summary>
    /// Schema setup such as index creation, under the same lock as every write: LiteDB 5 can corrupt its free-page
    /// list when two writes (an index creation is one) run at once on different collections.
    /// </summary>
    void Setup(Action<LiteDatabase> setup);
}
