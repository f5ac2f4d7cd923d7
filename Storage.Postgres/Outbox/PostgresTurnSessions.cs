using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Dialogs.Runtime;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.Postgres.DirectLine;
using IntegrationBot.Storage.Postgres.Locking;
using IntegrationBot.Storage.Postgres.Schema;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Outbox;

/// <summary>
/// A turn on PostgreSQL in two round trips (issue 19): <c>BEGIN</c> + <c>ib_turn_begin</c> (the conversation's
/// transaction-scoped advisory lock, the inbound check, the state documents), then <c>ib_turn_commit</c> + <c>COMMIT</c>
/// (inbound id, state with its eTag rule, outbox entries; the lock ends with the transaction). Turns waiting in this
/// process queue on an in-process lock first, so a busy conversation ties up one connection, not one per waiting turn;
/// at most half the pool holds turns, like <see cref="PostgresConversationLock"/>, so the turn's other reads find one.
/// The turn's transcript lines and topic counts ride in the commit call too (<see cref="JoinedWrites"/>), and so do the
/// log lines of its web chat replies (<see cref="CommittedWebChatLines"/>; their delivery only announces them).
/// </summary>
public sealed partial class PostgresTurnSessions(PostgresDatabase database, TimeProvider time, ILogger<PostgresTurnSessions>? logger = null) : ITurnSessions
{
    // Its own instance: the in-process lock, the pool slots and the connection handling, not its session-level lock.
    private readonly PostgresConversationLock _connections = new(database);

    public Task<ITurnSession> BeginAsync(string conversationKey, string? inboundKey, IReadOnlyList<string> stateKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateKeys);
        string[] keys = [.. stateKeys];
        var joined = new JoinedWrites(database, conversationKey);
        // Here, not in the async lambda below, whose changes to the flow would end with it (see JoinedWrites.Enter).
        joined.Enter();
        return _connections.AcquireWithAsync<ITurnSession>(
            conversationKey,
            async (connection, lockKey, release) =>
            {
                var session = new Session(database, connection, lockKey, inboundKey, keys, joined, time, release, logger);
                await session.BeginAsync(cancellationToken);
                joined.Open();
                return session;
            },
            cancellationToken);
    }

    private sealed class Session(
        PostgresDatabase database,
        NpgsqlConnection connection,
        long lockKey,
        string? inboundKey,
        string[] stateKeys,
        JoinedWrites joined,
        TimeProvider time,
        Func<ValueTask> release,
        ILogger? logger) : ITurnSession
    {
        private bool _open;
        private int _released;

        public bool AlreadyProcessed { get; private set; }

        public IReadOnlyDictionary<string, StoredItem?>? PrefetchedState { get; private set; }

        /// <summary>Round trip 1: opens the turn's transaction, takes the lock, checks the inbound id, reads the state.</summary>
        public async Task BeginAsync(CancellationToken cancellationToken)
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            var read = new NpgsqlBatchCommand("SELECT k, j, e, processed FROM ib_turn_begin(@lock, @inbound, @keys)");
            read.Parameters.AddWithValue("lock", lockKey);
            read.Parameters.AddWithValue("inbound", (object?)inboundKey ?? DBNull.Value);
            read.Parameters.AddWithValue("keys", stateKeys);
            batch.BatchCommands.Add(read);
            _open = true;
            var state = stateKeys.ToDictionary(k => k, _ => (StoredItem?)null, StringComparer.Ordinal);
            var processed = false;
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (reader.GetBoolean(3))
                    {
                        processed = true;
                        continue;
                    }

                    state[reader.GetString(0)] = new StoredItem(reader.GetString(1), reader.GetString(2));
                }
            }

            AlreadyProcessed = processed;
            PrefetchedState = state;
        }

        /// <summary>Round trip 2: the commit call (with the lines and counts that joined, and the web chat replies' log lines) and <c>COMMIT</c>, which also ends the lock.</summary>
        public async Task<CommitOutcome> CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(commit);
            var now = time.GetUtcNow();
            // A fixed order keeps two turns that touch the same keys (a user's state) from deadlocking.
            var changes = commit.StateChanges.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
            var replies = PostgresWebChatLines.Shape(commit.Outgoing, now);
            // The line's id holds its sequence number, which only the database knows (as in PostgresDirectLineStore).
            var placeholder = "ib-seq-" + Guid.NewGuid().ToString("N");
            await using var batch = new NpgsqlBatch(connection);
            var call = new NpgsqlBatchCommand(
                "SELECT o_outcome, o_seqs FROM ib_turn_commit(@c, @inbound, @now, @keys, @json, @expected, @etags, @channels, @activities, "
                + "@lc, @lu, @lat, @lj, @lk, @cd, @ct, @ck, @cv, @rc, @rk, @rj, @rp, @rch, @ro)");
            call.Parameters.AddWithValue("c", commit.ConversationKey);
            call.Parameters.AddWithValue("inbound", (object?)commit.InboundKey ?? DBNull.Value);
            call.Parameters.AddWithValue("now", now.UtcTicks);
            call.Parameters.AddWithValue("keys", changes.Select(c => c.Key).ToArray());
            call.Parameters.AddWithValue("json", changes.Select(c => c.Value.Json).ToArray());
            call.Parameters.AddWithValue("expected", changes.Select(c => c.Value.ETag).ToArray());
            call.Parameters.AddWithValue("etags", changes.Select(_ => Guid.NewGuid().ToString("N")).ToArray());
            call.Parameters.AddWithValue("channels", commit.Outgoing.Select(a => a.ChannelId ?? string.Empty).ToArray());
            call.Parameters.AddWithValue("activities", commit.Outgoing.Select(ActivityJson.Serialize).ToArray());
            var (arguments, sent) = joined.Pending();
            foreach (var (name, value) in arguments)
            {
                call.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            call.Parameters.AddWithValue("rc", replies.Select(r => r.ConversationId).ToArray());
            call.Parameters.AddWithValue("rk", replies.Select(r => r.DedupeKey).ToArray());
            call.Parameters.AddWithValue("rj", replies.Select(r => ActivityJson.Serialize(r.Line with { Id = placeholder })).ToArray());
            call.Parameters.AddWithValue("rp", placeholder);
            call.Parameters.AddWithValue("rch", database.DirectLineChannel);
            call.Parameters.AddWithValue("ro", database.InstanceId);
            batch.BatchCommands.Add(call);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            string? outcome = null;
            long[] seqs = [];
            try
            {
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    outcome = reader.GetString(0);
                    seqs = reader.GetFieldValue<long[]>(1);
                }

                // The COMMIT's outcome: a line counts as written only once the transaction is.
                while (await reader.NextResultAsync(cancellationToken))
                {
                }
            }
            catch (PostgresException ex) when (ex.SqlState is TurnFunctions.ConflictState or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // Lost a race on a state document: nothing was written. The rerun gets fresh state under a fresh lock,
                // and writes its lines and counts again.
                joined.Forget(sent);
                await RestartAsync(cancellationToken);
                return CommitOutcome.Conflict;
            }

            _open = false;
            joined.Forget(sent);
            for (var i = 0; i < Math.Min(seqs.Length, replies.Count); i++)
            {
                if (seqs[i] > 0)
                {
                    // The delivery takes it from here and announces it (PostgresDirectLineStore.AppendAsync).
                    var (conversationId, dedupeKey, line) = replies[i];
                    database.WebChatLines.Committed([new CommittedWebChatLine(conversationId, dedupeKey, new AppendedActivity(line with { Id = $"{conversationId}|{seqs[i]:D7}" }, seqs[i], IsNew: true))]);
                }
            }

            return outcome switch
            {
                "committed" => CommitOutcome.Committed,
                "duplicate" => CommitOutcome.Duplicate,
                _ => throw new InvalidOperationException($"ib_turn_commit answered '{outcome}'."),
            };
        }

        private async Task RestartAsync(CancellationToken cancellationToken)
        {
            await using (var rollback = new NpgsqlCommand("ROLLBACK", connection))
            {
                await rollback.ExecuteNonQueryAsync(cancellationToken);
            }

            await BeginAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                if (_open)
                {
                    // The turn failed before its commit: end the transaction, which drops the lock and anything written.
                    await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
                    await rollback.ExecuteNonQueryAsync(CancellationToken.None);
                }
            }
            catch (NpgsqlException)
            {
                // A broken session has ended its transaction already; closing it below is enough.
            }
            finally
            {
                await release();
            }

            try
            {
                await joined.CloseAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // Thrown from here it would hide the turn's own outcome (its error, or a commit already made).
                if (logger is not null)
                {
                    LogLeftoverFailed(logger, e);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcript lines or topic counts of a turn that did not commit them could not be written")]
    private static partial void LogLeftoverFailed(ILogger logger, Exception exception);
}
