using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Storage.Postgres.Schema;
using IntegrationBot.Storage.Postgres.State;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Outbox;

/// <summary><see cref="ITurnStore"/> in PostgreSQL: inbound id, state and outbox entries in one transaction per turn.</summary>
public sealed class PostgresTurnStore(PostgresDatabase database, TimeProvider time) : ITurnStore
{
    public async Task<bool> IsProcessedAsync(string inboundKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ScalarAsync<int>(connection, "SELECT 1 FROM inbound WHERE key = @k", cancellationToken, ("k", inboundKey)) == 1;
    }

    public async Task<CommitOutcome> CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var outcome = await CommitAsync(connection, commit, cancellationToken);
            if (outcome == CommitOutcome.Committed)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            return outcome;
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
        {
            // Lost a race with a concurrent turn on the same documents: like an eTag conflict, the turn reruns.
            return CommitOutcome.Conflict;
        }
    }

    private async Task<CommitOutcome> CommitAsync(NpgsqlConnection connection, TurnCommit commit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Inserting the inbound id first makes a concurrent commit of the same message wait for this one, then see it.
        if (commit.InboundKey is not null
            && await Sql.ExecuteAsync(connection, "INSERT INTO inbound (key, at) VALUES (@k, @at) ON CONFLICT (key) DO NOTHING", cancellationToken, ("k", commit.InboundKey), ("at", now.UtcTicks)) == 0)
        {
            return CommitOutcome.Duplicate;
        }

        if (await StateRows.WriteCheckedAsync(connection, commit.StateChanges, now, cancellationToken) is not null)
        {
            return CommitOutcome.Conflict;
        }

        if (commit.Outgoing.Count == 0)
        {
            return CommitOutcome.Committed;
        }

        var last = await Sql.ScalarAsync<long>(
            connection,
            """
            INSERT INTO outbox_sequence (conversation, last, updated) VALUES (@c, @n, @now)
            ON CONFLICT (conversation) DO UPDATE SET last = outbox_sequence.last + @n, updated = excluded.updated
            RETURNING last
            """,
            cancellationToken,
            ("c", commit.ConversationKey),
            ("n", (long)commit.Outgoing.Count),
            ("now", now.UtcTicks));
        var sequence = last - commit.Outgoing.Count;
        var batch = new NpgsqlBatch(connection);
        await using (batch)
        {
            foreach (var activity in commit.Outgoing)
            {
                sequence++;
                var command = new NpgsqlBatchCommand("""
                    INSERT INTO outbox (id, conversation, seq, channel, activity, status, attempts, due, created)
                    VALUES (@id, @c, @s, @ch, @a, 'Pending', 0, @now, @now)
                    """);
                command.Parameters.AddWithValue("id", OutboxEntry.IdFor(commit.ConversationKey, sequence));
                command.Parameters.AddWithValue("c", commit.ConversationKey);
                command.Parameters.AddWithValue("s", sequence);
                command.Parameters.AddWithValue("ch", activity.ChannelId ?? string.Empty);
                command.Parameters.AddWithValue("a", ActivityJson.Serialize(activity));
                command.Parameters.AddWithValue("now", now.UtcTicks);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        return CommitOutcome.Committed;
    }
}
