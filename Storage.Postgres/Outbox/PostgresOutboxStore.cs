using IntegrationBot.Dialogs.Outbox;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Outbox;

/// <summary>
/// <see cref="IOutboxStore"/> shared by several instances. <see cref="ListDueHeadsAsync"/> does not only list: it leases
/// each due head to this instance (column <c>leased_until</c>), so a head is handed to exactly one dispatcher until it is
/// delivered, rescheduled, dead-lettered, or the lease runs out because its instance died. Entries this instance's turn
/// commits leased to it as they wrote them are listed from memory (<see cref="LeasedOutboxEntries"/>); the database is
/// listed when memory has none, when something may have changed there, and at least every
/// <see cref="LeasedOutboxEntries.DatabaseListInterval"/>.
/// </summary>
public sealed class PostgresOutboxStore(PostgresDatabase database, TimeSpan lease) : IOutboxStore
{
    // The entries after a retried or dead-lettered one that its commit leased here go back to the database's order: their
    // leases end with it, else the next head would wait for its lease to run out.
    private const string ReleaseHeld = "UPDATE outbox SET leased_until = NULL WHERE id = ANY(@held)";

    private const string Columns = "id, conversation, seq, channel, activity, status, attempts, due, created, error";

    public async Task<IReadOnlyList<OutboxEntry>> ListDueHeadsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (held, listDatabase) = database.LeasedOutbox.Heads(now, lease);
        if (!listDatabase)
        {
            return [.. held.OrderBy(e => e.ConversationKey, StringComparer.Ordinal)];
        }

        // A conversation held in memory is leased in the database, so the list below never returns it too.
        return [.. (await LeaseDueHeadsAsync(now, cancellationToken)).Concat(held).OrderBy(e => e.ConversationKey, StringComparer.Ordinal)];
    }

    private async Task<List<OutboxEntry>> LeaseDueHeadsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The outer WHERE repeats the conditions on the row itself: PostgreSQL re-checks them on the newest row version
        // when another instance leased or removed the head in the meantime, so that instance keeps it.
        var sql = $"""
            UPDATE outbox AS o SET leased_until = @until
            WHERE o.id IN (
                SELECT h.id FROM outbox h
                WHERE h.id IN (SELECT DISTINCT ON (conversation) id FROM outbox WHERE status = 'Pending' ORDER BY conversation, seq)
                  AND h.due <= @now AND (h.leased_until IS NULL OR h.leased_until <= @now)
                FOR UPDATE SKIP LOCKED)
              AND o.status = 'Pending' AND o.due <= @now AND (o.leased_until IS NULL OR o.leased_until <= @now)
            RETURNING {Columns}
            """;
        return await Sql.ListAsync(connection, sql, Read, cancellationToken, ("now", now.UtcTicks), ("until", (now + lease).UtcTicks));
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        // Entries held here are due now: leased to this instance, the database would say "when the lease runs out",
        // and a worker that missed the commit's signal (a drain ending as it came) would sleep on them.
        if (database.LeasedOutbox.Count > 0)
        {
            return DateTimeOffset.MinValue;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var ticks = await Sql.ScalarAsync<long?>(connection, """
            SELECT min(GREATEST(due, COALESCE(leased_until, due))) FROM outbox
            WHERE id IN (SELECT DISTINCT ON (conversation) id FROM outbox WHERE status = 'Pending' ORDER BY conversation, seq)
            """, cancellationToken);
        return ticks is { } value ? new DateTimeOffset(value, TimeSpan.Zero) : null;
    }

    private readonly GroupedDeliveryMarks _marks = new(database);

    /// <summary>Grouped with the marks of other deliveries that arrive while one is written (<see cref="GroupedDeliveryMarks"/>).</summary>
    public Task MarkDeliveredAsync(string entryId, CancellationToken cancellationToken)
    {
        // Delivered: its conversation's next entry held here is the head now (a failing delete leaves the row leased, as before).
        database.LeasedOutbox.Delivered(entryId);
        return _marks.MarkAsync(entryId, cancellationToken);
    }

    public async Task RescheduleAsync(string entryId, int attempts, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            "UPDATE outbox SET attempts = @a, due = @due, error = @e, leased_until = NULL WHERE id = @id; " + ReleaseHeld,
            cancellationToken,
            ("id", entryId),
            ("a", attempts),
            ("due", nextAttemptAt.UtcTicks),
            ("e", lastError),
            ("held", database.LeasedOutbox.Returned(entryId)));
    }

    public async Task DeadLetterAsync(string entryId, int attempts, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            "UPDATE outbox SET status = 'DeadLettered', attempts = @a, error = @e, leased_until = NULL WHERE id = @id; " + ReleaseHeld,
            cancellationToken,
            ("id", entryId),
            ("a", attempts),
            ("e", reason),
            ("held", database.LeasedOutbox.Returned(entryId)));
    }

    public async Task<int> DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var deleted = await Sql.ExecuteAsync(connection, "DELETE FROM outbox WHERE conversation = @c", cancellationToken, ("c", conversationKey));
        database.LeasedOutbox.Erased([conversationKey], []);
        return deleted;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListDeadLettersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(connection, $"SELECT {Columns} FROM outbox WHERE status = 'DeadLettered' ORDER BY conversation, seq", Read, cancellationToken);
    }

    private static OutboxEntry Read(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInt64(2),
        r.GetString(3),
        r.GetString(4),
        Enum.Parse<OutboxStatus>(r.GetString(5)),
        r.GetInt32(6),
        new DateTimeOffset(r.GetInt64(7), TimeSpan.Zero),
        new DateTimeOffset(r.GetInt64(8), TimeSpan.Zero),
        r.IsDBNull(9) ? null : r.GetString(9));
}
