using IntegrationBot.Channels.DirectLine;
using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.DirectLine;

/// <summary>
/// The web chat activity log in PostgreSQL. Appending bumps <c>last_seq</c> of the conversation row first; that row lock
/// orders concurrent appends from any instance, so sequence numbers (the watermarks) have no gaps or repeats. Every
/// append and erasure is announced to the other instances in its transaction (<see cref="DirectLineNotification"/>), so
/// the host can keep recent activities in memory (<see cref="TailedDirectLineStore"/> in front of this store) though it
/// shares the log.
/// </summary>
public sealed class PostgresDirectLineStore(PostgresDatabase database, TimeProvider time) : IDirectLineStore
{
    public async Task<bool> CreateConversationAsync(string conversationId, string userId, string? locale, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(
            connection,
            "INSERT INTO directline_conversations (id, user_id, locale, last_seq, created_at) VALUES (@id, @u, @l, 0, @at) ON CONFLICT (id) DO NOTHING",
            cancellationToken,
            ("id", conversationId),
            ("u", userId),
            ("l", locale),
            ("at", time.GetUtcNow().UtcTicks)) == 1;
    }

    public async Task<string?> LocaleOfAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ScalarAsync<string>(connection, "SELECT locale FROM directline_conversations WHERE id = @id", cancellationToken, ("id", conversationId));
    }

    public async Task<bool> ConversationExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ScalarAsync<int>(connection, "SELECT 1 FROM directline_conversations WHERE id = @id", cancellationToken, ("id", conversationId)) == 1;
    }

    /// <summary>
    /// Appends in one call (<c>ib_directline_append_existing</c>), into a conversation that exists only. A reply whose line this instance's turn commit wrote
    /// (<see cref="CommittedWebChatLines"/>) is handed back from memory as appended now, once, without a round trip: its
    /// delivery announces it. Elsewhere (after a restart, on another instance) the call finds the line by its key.
    /// </summary>
    public async Task<AppendedActivity?> AppendAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (dedupeKey is not null && database.WebChatLines.TryTake(conversationId, dedupeKey, out var committed))
        {
            return committed;
        }

        var now = time.GetUtcNow();
        var stored = activity with
        {
            Timestamp = activity.Timestamp ?? now,
            Conversation = new ConversationAccount(conversationId),
        };
        // The id holds the sequence number the database assigns: a placeholder no activity can contain stands in for it.
        var placeholder = "ib-seq-" + Guid.NewGuid().ToString("N");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            "SELECT o_seq, o_json, o_new FROM ib_directline_append_existing(@c, @d, @at, @j, @p, @channel, @payload)",
            ("c", conversationId),
            ("d", dedupeKey),
            ("at", now.UtcTicks),
            ("j", ActivityJson.Serialize(stored with { Id = placeholder })),
            ("p", placeholder),
            ("channel", database.DirectLineChannel),
            ("payload", DirectLineNotification.AppendPrefix(database.InstanceId, conversationId)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // No such conversation (erased): an append never creates one.
            return null;
        }

        var seq = reader.GetInt64(0);
        return reader.GetBoolean(2)
            ? new AppendedActivity(stored with { Id = $"{conversationId}|{seq:D7}" }, seq, IsNew: true)
            : new AppendedActivity(ActivityJson.Deserialize(reader.GetString(1))!, seq, IsNew: false);
    }

    /// <summary>
    /// The person's message is written by the commit call of the turn it starts (issue 19), as on LiteDB, so its POST
    /// costs no round trip of its own: its id comes from the page's <c>clientActivityID</c>
    /// (<see cref="PendingWebChatEcho.IdFor"/>), and the turn's session takes it from <see cref="PostgresDatabase.WebChatEchoes"/>
    /// by the turn's inbound key and numbers its line in the commit, before the replies. <see cref="TurnEcho.Durable"/>
    /// completes once that commit is; a turn that fails before it leaves the line to be written on its own, a resend
    /// (same key) has the same id and the turn's inbound check makes it a repeat. When the map is full it is appended first.
    /// </summary>
    public async Task<TurnEcho?> AppendBeforeTurnAsync(string conversationId, Activity activity, string? dedupeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var now = time.GetUtcNow();
        var line = activity with
        {
            Id = PendingWebChatEcho.IdFor(conversationId, dedupeKey),
            Timestamp = activity.Timestamp ?? now,
            Conversation = new ConversationAccount(conversationId),
        };
        // A message without a key gets one from its id: a write whose outcome is unknown (the connection broke during the
        // commit) is then retried on its own without writing the line twice.
        var key = dedupeKey ?? "echo:" + line.Id;
        if (database.WebChatEchoes.Register(new PendingWebChatEcho(conversationId, key, line, now), out var isNew) is { } pending)
        {
            return new TurnEcho(new AppendedActivity(pending.Line, 0, isNew), pending.Written.Task);
        }

        // Appended first: null when the conversation is gone (an append never creates one).
        return await AppendAsync(conversationId, activity, dedupeKey, cancellationToken) is { } appended
            ? new TurnEcho(appended, Task.FromResult(appended))
            : null;
    }

    /// <summary>
    /// Writes a person's message on its own (its turn failed before the commit, or the map of pending ones was full):
    /// only into a conversation that exists and unless erased meanwhile; a line already there under its key is kept.
    /// </summary>
    internal static async Task<AppendedActivity> WriteEchoAsync(PostgresDatabase database, PendingWebChatEcho echo, CancellationToken cancellationToken)
    {
        if (echo.Erased)
        {
            return new AppendedActivity(echo.Line, 0, IsNew: false);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var seq = await Sql.ScalarAsync<long>(
            connection,
            "SELECT ib_directline_echo(@c, @d, @at, @j, @channel, @payload)",
            cancellationToken,
            ("c", echo.ConversationId),
            ("d", echo.DedupeKey),
            ("at", echo.At.UtcTicks),
            ("j", ActivityJson.Serialize(echo.Line)),
            ("channel", database.DirectLineChannel),
            ("payload", DirectLineNotification.AppendPrefix(database.InstanceId, echo.ConversationId)));
        return Settled(echo, seq);
    }

    /// <summary>The echo as <c>ib_directline_echo</c> answered for it: written now (a number), found (minus one), or not (0).</summary>
    internal static AppendedActivity Settled(PendingWebChatEcho echo, long seq) =>
        new(echo.Line, Math.Abs(seq), IsNew: seq > 0);

    /// <summary>The person's message as the log has it under its key (a repeat's: an earlier turn wrote it); not new.</summary>
    internal static async Task<AppendedActivity> FindEchoAsync(PostgresDatabase database, PendingWebChatEcho echo, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Sql.ListAsync(
            connection,
            "SELECT seq, json FROM directline_activities WHERE conversation_id = @c AND dedupe_key = @d",
            r => (Seq: r.GetInt64(0), Json: r.GetString(1)),
            cancellationToken,
            ("c", echo.ConversationId),
            ("d", echo.DedupeKey));
        return rows.Count > 0
            ? new AppendedActivity(ActivityJson.Deserialize(rows[0].Json)!, rows[0].Seq, IsNew: false)
            : new AppendedActivity(echo.Line, 0, IsNew: false);
    }

    public async Task<ActivityPage> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        var after = watermark ?? 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Sql.ListAsync(
            connection,
            "SELECT seq, json FROM directline_activities WHERE conversation_id = @c AND seq > @after ORDER BY seq",
            r => (Seq: r.GetInt64(0), Json: r.GetString(1)),
            cancellationToken,
            ("c", conversationId),
            ("after", after));
        var last = rows.Count > 0 ? rows[^1].Seq : after;
        return new ActivityPage([.. rows.Select(r => ActivityJson.Deserialize(r.Json)!)], last);
    }

    public async Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        // Lines committed with a turn and not yet delivered are erased with the rest: their delivery must not show them;
        // a person's message whose turn has not committed is not written either.
        database.WebChatLines.Forget(conversationId);
        database.WebChatEchoes.Erase(conversationId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, "DELETE FROM directline_activities WHERE conversation_id = @c", cancellationToken, ("c", conversationId));
        await Sql.ExecuteAsync(connection, "DELETE FROM directline_conversations WHERE id = @c", cancellationToken, ("c", conversationId));
        await NotifyAsync(connection, DirectLineNotification.Erased(database.InstanceId, conversationId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        database.WebChatLines.Forget(conversationId);
    }

    public async Task<int> ClearActivitiesAsync(string conversationId, CancellationToken cancellationToken)
    {
        // The conversation row stays: its last_seq keeps the ids of later appends after every watermark handed out.
        database.WebChatLines.Forget(conversationId);
        database.WebChatEchoes.Erase(conversationId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var cleared = await Sql.ExecuteAsync(connection, "DELETE FROM directline_activities WHERE conversation_id = @c", cancellationToken, ("c", conversationId));
        await NotifyAsync(connection, DirectLineNotification.Erased(database.InstanceId, conversationId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        database.WebChatLines.Forget(conversationId);
        return cleared;
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var purged = await Sql.ExecuteAsync(connection, "DELETE FROM directline_activities WHERE stored_at < @cutoff", cancellationToken, ("cutoff", cutoff.UtcTicks));
        if (purged > 0)
        {
            await NotifyAsync(connection, DirectLineNotification.ErasedAny(database.InstanceId), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (purged > 0)
        {
            database.WebChatLines.Clear();
        }

        return purged;
    }

    /// <summary>Tells the other instances (on commit of the caller's transaction) to drop what they hold in memory.</summary>
    internal static Task NotifyAsync(PostgresDatabase database, NpgsqlConnection connection, string payload, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, "SELECT pg_notify(@channel, @payload)", cancellationToken, ("channel", database.DirectLineChannel), ("payload", payload));

    private Task NotifyAsync(NpgsqlConnection connection, string payload, CancellationToken cancellationToken) =>
        NotifyAsync(database, connection, payload, cancellationToken);
}
