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
/// log lines of its web chat replies (<see cref="CommittedWebChatLines"/>; their delivery only announces them) and of the
/// person's web chat message that started it (<see cref="PendingWebChatEchoes"/>; its POST is answered at the commit);
/// the commit also leases the turn's outbox entries to this instance's dispatcher (<see cref="LeasedOutboxEntries"/>).
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
        // The person's web chat message that starts this turn, when its POST came to this instance: the commit writes it.
        var echo = inboundKey is null ? null : database.WebChatEchoes.TryClaim(inboundKey);
        var opened = _connections.AcquireWithAsync<ITurnSession>(
            conversationKey,
            async (connection, lockKey, release) =>
            {
                var session = new Session(database, connection, lockKey, inboundKey, keys, joined, echo, time, release, logger);
                await session.BeginAsync(cancellationToken);
                joined.Open();
                return session;
            },
            cancellationToken);
        return echo is null ? opened : SettleIfNotOpenedAsync(opened, echo);
    }

    /// <summary>A turn that could not even begin writes its person's message on its own, as one that fails later does.</summary>
    private async Task<ITurnSession> SettleIfNotOpenedAsync(Task<ITurnSession> opened, PendingWebChatEcho echo)
    {
        try
        {
            return await opened;
        }
        catch
        {
            await Session.SettleAloneAsync(database, echo, repeat: false, logger);
            throw;
        }
    }

    private sealed class Session(
        PostgresDatabase database,
        NpgsqlConnection connection,
        long lockKey,
        string? inboundKey,
        string[] stateKeys,
        JoinedWrites joined,
        PendingWebChatEcho? echo,
        TimeProvider time,
        Func<ValueTask> release,
        ILogger? logger) : ITurnSession
    {
        private bool _open;
        private bool _repeat;
        private int _released;

        public bool AlreadyProcessed { get; private set; }

        public IReadOnlyDictionary<string, StoredItem?>? PrefetchedState { get; private set; }

        /// <summary>Round trip 1: opens the turn's transaction, takes the lock, checks the inbound id, reads the state.</summary>
        public async Task BeginAsync(CancellationToken cancellationToken)
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            // With a web chat message the call also finds it already answered under the numbered id an instance not yet
            // upgraded gave it (migration 16).
            var read = new NpgsqlBatchCommand(echo is null
                ? "SELECT k, j, e, processed FROM ib_turn_begin(@lock, @inbound, @keys)"
                : "SELECT k, j, e, processed FROM ib_turn_begin(@lock, @inbound, @keys, @ec, @ed, @ep)");
            read.Parameters.AddWithValue("lock", lockKey);
            read.Parameters.AddWithValue("inbound", (object?)inboundKey ?? DBNull.Value);
            read.Parameters.AddWithValue("keys", stateKeys);
            if (echo is not null)
            {
                read.Parameters.AddWithValue("ec", echo.ConversationId);
                read.Parameters.AddWithValue("ed", echo.DedupeKey);
                read.Parameters.AddWithValue("ep", DirectLineInbox.ChannelId + "|");
            }

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
            _repeat = processed;
            PrefetchedState = state;
        }

        /// <summary>Round trip 2: the commit call (with the lines and counts that joined, the person's web chat message and the replies' log lines) and <c>COMMIT</c>, which also ends the lock.</summary>
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
                "SELECT o_outcome, o_seqs, o_echo, o_outbox_last FROM ib_turn_commit(@c, @inbound, @now, @keys, @json, @expected, @etags, @channels, @activities, "
                + "@lc, @lu, @lat, @lj, @lk, @cd, @ct, @ck, @cv, @rc, @rk, @rj, @rp, @rch, @ro, @ec, @ed, @eat, @ej, @lease)");
            call.Parameters.AddWithValue("c", commit.ConversationKey);
            call.Parameters.AddWithValue("inbound", (object?)commit.InboundKey ?? DBNull.Value);
            call.Parameters.AddWithValue("now", now.UtcTicks);
            call.Parameters.AddWithValue("keys", changes.Select(c => c.Key).ToArray());
            call.Parameters.AddWithValue("json", changes.Select(c => c.Value.Json).ToArray());
            call.Parameters.AddWithValue("expected", changes.Select(c => c.Value.ETag).ToArray());
            call.Parameters.AddWithValue("etags", changes.Select(_ => Guid.NewGuid().ToString("N")).ToArray());
            call.Parameters.AddWithValue("channels", commit.Outgoing.Select(a => a.ChannelId ?? string.Empty).ToArray());
            var activities = commit.Outgoing.Select(ActivityJson.Serialize).ToArray();
            call.Parameters.AddWithValue("activities", activities);
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
            // Not when the person erased the conversation in this very turn (its erasure marked it): it is not kept.
            var sendEcho = echo is { Erased: false };
            call.Parameters.AddWithValue("ec", (object?)echo?.ConversationId ?? DBNull.Value);
            call.Parameters.AddWithValue("ed", (object?)echo?.DedupeKey ?? DBNull.Value);
            call.Parameters.AddWithValue("eat", echo?.At.UtcTicks ?? 0L);
            call.Parameters.AddWithValue("ej", sendEcho ? ActivityJson.Serialize(echo!.Line) : DBNull.Value);
            // The replies leased to this instance's dispatcher in the commit, which then delivers them from memory.
            var leaseUntil = activities.Length > 0 ? database.LeasedOutbox.LeaseUntil(now) : null;
            call.Parameters.AddWithValue("lease", leaseUntil is { } until ? until.UtcTicks : DBNull.Value);
            batch.BatchCommands.Add(call);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            string? outcome = null;
            long[] seqs = [];
            long echoSeq = 0;
            long outboxLast = 0;
            try
            {
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    outcome = reader.GetString(0);
                    seqs = reader.GetFieldValue<long[]>(1);
                    echoSeq = reader.GetInt64(2);
                    outboxLast = reader.GetInt64(3);
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
            if (outcome == "committed" && activities.Length > 0)
            {
                if (outboxLast > 0)
                {
                    database.LeasedOutbox.Committed(Entries(commit, activities, outboxLast, now));
                }
                else
                {
                    database.LeasedOutbox.NewInDatabase(commit.ConversationKey);
                }
            }

            if (echo is not null)
            {
                if (outcome == "committed")
                {
                    // Durable: the page's POST is answered now, and this instance's streams get the line.
                    echo.Written.TrySetResult(PostgresDirectLineStore.Settled(echo, echoSeq));
                    database.WebChatEchoes.Settled(echo);
                }
                else
                {
                    _repeat = true;
                }
            }

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

        /// <summary>The turn's outbox rows as <c>ib_turn_commit</c> wrote them, numbered up to <paramref name="last"/>.</summary>
        private static List<OutboxEntry> Entries(TurnCommit commit, string[] activities, long last, DateTimeOffset now)
        {
            var first = last - activities.Length + 1;
            return [.. commit.Outgoing.Select((activity, i) => new OutboxEntry(
                OutboxEntry.IdFor(commit.ConversationKey, first + i),
                commit.ConversationKey,
                first + i,
                activity.ChannelId ?? string.Empty,
                activities[i],
                OutboxStatus.Pending,
                0,
                now,
                now))];
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

            if (echo is not null && !echo.Written.Task.IsCompleted)
            {
                await SettleAloneAsync(database, echo, _repeat, logger);
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

        /// <summary>
        /// The person's message of a turn that did not commit it: a repeat's is in the log already (an earlier turn
        /// wrote it) and is only looked up; a failed turn's is written on its own, so a message is never lost to a failed
        /// turn (its POST fails and the page resends: same id, the line found).
        /// </summary>
        internal static async Task SettleAloneAsync(PostgresDatabase database, PendingWebChatEcho echo, bool repeat, ILogger? logger)
        {
            try
            {
                echo.Written.TrySetResult(repeat
                    ? await PostgresDirectLineStore.FindEchoAsync(database, echo, CancellationToken.None)
                    : await PostgresDirectLineStore.WriteEchoAsync(database, echo, CancellationToken.None));
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The POST fails (or already failed with the turn) and the page resends.
                echo.Written.TrySetException(e);
                if (logger is not null)
                {
                    LogEchoFailed(logger, e);
                }
            }
            finally
            {
                database.WebChatEchoes.Settled(echo);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A web chat message whose turn did not commit it could not be written on its own")]
    private static partial void LogEchoFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcript lines or topic counts of a turn that did not commit them could not be written")]
    private static partial void LogLeftoverFailed(ILogger logger, Exception exception);
}
