using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Locking;

/// <summary>
/// Serializes the turns of one conversation across every instance with a PostgreSQL session advisory lock on a 64-bit
/// hash of schema and conversation key, held on its own connection for the whole turn. Turns waiting in the same process
/// queue on an in-process lock first, so a busy conversation ties up one connection, not one per waiting turn.
/// At most half the pool holds locks at a time: a turn needs further connections for its reads and its commit, and a pool
/// filled with lock holders would leave none of them able to finish.
/// </summary>
public sealed class PostgresConversationLock : IConversationLock
{
    private readonly KeyedAsyncLock _local = new();
    private readonly PostgresDatabase _database;
    private readonly SemaphoreSlim _slots;

    public PostgresConversationLock(PostgresDatabase database)
    {
        _database = database;
        var slots = Math.Max(1, database.MaxPoolSize / 2);
        _slots = new SemaphoreSlim(slots, slots);
    }

    public Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken) =>
        AcquireWithAsync<IAsyncDisposable>(
            key,
            async (connection, lockKey, release) =>
            {
                await Sql.ExecuteAsync(connection, "SELECT pg_advisory_lock(@k)", cancellationToken, ("k", lockKey));
                return new Held(connection, lockKey, release);
            },
            cancellationToken);

    /// <summary>
    /// Takes the in-process lock of <paramref name="key"/>, a pool slot and a connection, then runs <paramref name="begin"/>
    /// on it with the key's advisory lock number and the release of all three (its result owns them); if it throws,
    /// everything is released. Shared by this lock and the turn sessions, which take the database lock their own way.
    /// </summary>
    internal async Task<T> AcquireWithAsync<T>(string key, Func<NpgsqlConnection, long, Func<ValueTask>, Task<T>> begin, CancellationToken cancellationToken)
    {
        var local = await _local.AcquireAsync(key, cancellationToken);
        var slotTaken = false;
        NpgsqlConnection? connection = null;
        try
        {
            await _slots.WaitAsync(cancellationToken);
            slotTaken = true;
            connection = await _database.OpenAsync(cancellationToken);
            var opened = connection;
            return await begin(opened, LockKey(_database.Schema, key), async () =>
            {
                await opened.DisposeAsync();
                _slots.Release();
                await local.DisposeAsync();
            });
        }
        catch
        {
            // Closing the session also drops a lock granted just before a cancellation arrived.
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            if (slotTaken)
            {
                _slots.Release();
            }

            await local.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stable across processes and .NET versions (unlike string.GetHashCode).</summary>
    public static long LockKey(string schema, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(schema + "\n" + key));
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    private sealed class Held(NpgsqlConnection connection, long lockKey, Func<ValueTask> release) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await Sql.ExecuteAsync(connection, "SELECT pg_advisory_unlock(@k)", CancellationToken.None, ("k", lockKey));
            }
            catch (NpgsqlException)
            {
                // A broken session has released its locks already; closing it below is enough.
            }
            finally
            {
                await release();
            }
        }
    }
}
