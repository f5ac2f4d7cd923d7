using System.Runtime.CompilerServices;
using LiteDB;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// The writer of each <see cref="LiteDatabase"/>, so every store sharing the file writes through the same lock and the
/// same durability wait. The host's database registers its writer (<see cref="Attach"/>); a database nobody
/// registered (a test's own file) gets a plain one: a lock and one transaction per write.
/// </summary>
public static class LiteDbGate
{
    private static readonly ConditionalWeakTable<LiteDatabase, ILiteDbWriter> Writers = new();

    /// <summary>Makes <paramref name="writer"/> the one all Handoff stores use for <paramref name="database"/>.</summary>
    public static void Attach(LiteDatabase database, ILiteDbWriter writer) => Writers.AddOrUpdate(database, writer);

    public static ILiteDbWriter For(LiteDatabase database) => Writers.GetValue(database, db => new LockedWriter(db));

    private sealed class LockedWriter(LiteDatabase database) : ILiteDbWriter
    {
        private readonly Lock _gate = new();

        public Task<T> WriteAsync<T>(Func<LiteDatabase, T> write, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                database.BeginTrans();
                try
                {
                    var result = write(database);
                    database.Commit();
                    return Task.FromResult(result);
                }
                catch
                {
                    database.Rollback();
                    throw;
                }
            }
        }

        // A plain LiteDB file flushes on every commit anyway: nothing to skip.
        public Task<T> WriteWithoutWaitingForDiskAsync<T>(Func<LiteDatabase, T> write, CancellationToken cancellationToken) =>
            WriteAsync(write, cancellationToken);

        public void Setup(Action<LiteDatabase> setup)
        {
            lock (_gate)
            {
                setup(database);
            }
        }
    }
}
