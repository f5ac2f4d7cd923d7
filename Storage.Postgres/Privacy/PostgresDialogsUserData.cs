using System.Text.Json.Nodes;
using IntegrationBot.Dialogs.Privacy;
using IntegrationBot.Handoff.Privacy;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Privacy;

/// <summary>
/// Erasure, export and retention of the runtime's PostgreSQL rows, as <c>DialogsUserData</c> does for LiteDB:
/// conversation and user state, outbox entries (pending and dead letters), sequence counters and processed inbound ids.
/// </summary>
public sealed class PostgresDialogsUserData(PostgresDatabase database, IEnumerable<IUserConversationDirectory> directories)
    : IUserDataEraser, IRetentionPurgeable
{
    /// <summary>The same name as the LiteDB eraser, so the flows' /delete (which erases its turn's state itself) skips it.</summary>
    public string Name => ErasureSubject.RuntimeEraserName;

    public async Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var person = await ErasureSubject.FindAsync(channelId, userId, directories, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await Sql.ExecuteAsync(connection, "DELETE FROM state WHERE key = ANY(@keys)", cancellationToken, ("keys", person.StateKeys));

        removed += await Sql.ExecuteAsync(connection, "DELETE FROM outbox WHERE conversation = ANY(@keys)", cancellationToken, ("keys", person.ConversationKeys));
        var addressed = (await OutboxCandidatesAsync(connection, person, cancellationToken))
            .Where(e => person.OwnsOutboxEntry(e.Conversation, e.Activity))
            .Select(e => e.Id)
            .ToArray();
        removed += await Sql.ExecuteAsync(connection, "DELETE FROM outbox WHERE id = ANY(@ids)", cancellationToken, ("ids", addressed));
        removed += await Sql.ExecuteAsync(connection, "DELETE FROM outbox_sequence WHERE conversation = ANY(@keys)", cancellationToken, ("keys", person.ConversationKeys));

        var inbound = (await InboundCandidatesAsync(connection, person, cancellationToken)).Where(person.OwnsInboundKey).ToArray();
        removed += await Sql.ExecuteAsync(connection, "DELETE FROM inbound WHERE key = ANY(@keys)", cancellationToken, ("keys", inbound));
        await transaction.CommitAsync(cancellationToken);
        // Replies this instance's commits leased to it and not yet handed to its dispatcher are gone with their rows.
        database.LeasedOutbox.Erased(person.ConversationKeys, addressed);
        return removed;
    }

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var person = await ErasureSubject.FindAsync(channelId, userId, directories, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var state = new JsonObject();
        var rows = await Sql.ListAsync(
            connection,
            "SELECT key, json FROM state WHERE key = ANY(@keys) ORDER BY key",
            r => (Key: r.GetString(0), Json: r.GetString(1)),
            cancellationToken,
            ("keys", person.StateKeys));
        foreach (var (key, json) in rows)
        {
            state[key] = JsonNode.Parse(json);
        }

        var outbox = new JsonArray();
        foreach (var entry in (await OutboxCandidatesAsync(connection, person, cancellationToken)).Where(e => person.OwnsOutboxEntry(e.Conversation, e.Activity)))
        {
            outbox.Add(new JsonObject { ["status"] = entry.Status, ["activity"] = JsonNode.Parse(entry.Activity) });
        }

        var inbound = (await InboundCandidatesAsync(connection, person, cancellationToken)).Count(person.OwnsInboundKey);
        return new JsonObject { ["state"] = state, ["outbox"] = outbox, ["processedMessageIds"] = inbound };
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var at = ("cutoff", (object?)cutoff.UtcTicks);
        var removed = await Sql.ExecuteAsync(connection, "DELETE FROM inbound WHERE at < @cutoff", cancellationToken, at);
        // Conversation and user state can hold the last question asked; a conversation idle this long starts anew.
        removed += await Sql.ExecuteAsync(connection, "DELETE FROM state WHERE updated < @cutoff", cancellationToken, at);
        // Pending entries are still owed to someone; only finished ones (dead letters) expire.
        removed += await Sql.ExecuteAsync(connection, "DELETE FROM outbox WHERE status <> 'Pending' AND created < @cutoff", cancellationToken, at);
        // A counter names its conversation (on Telegram and Viber the user's id). Once the conversation has sent nothing
        // for the whole period and has no entry left, numbering can restart: the replies it numbered have expired too.
        removed += await Sql.ExecuteAsync(
            connection,
            "DELETE FROM outbox_sequence s WHERE s.updated < @cutoff AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.conversation = s.conversation)",
            cancellationToken,
            at);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    private static Task<List<OutboxRow>> OutboxCandidatesAsync(NpgsqlConnection connection, ErasureSubject person, CancellationToken cancellationToken) =>
        // Entries of their conversations, and any entry of the channel, since a message addressed to them (a counselor's
        // reply) may sit under another conversation key; the activity's recipient decides.
        Sql.ListAsync(
            connection,
            "SELECT id, conversation, activity, status FROM outbox WHERE conversation = ANY(@keys) OR channel = @channel ORDER BY conversation, seq",
            r => new OutboxRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)),
            cancellationToken,
            ("keys", person.ConversationKeys),
            ("channel", person.ChannelId));

    private static Task<List<string>> InboundCandidatesAsync(NpgsqlConnection connection, ErasureSubject person, CancellationToken cancellationToken) =>
        Sql.ListAsync(
            connection,
            "SELECT key FROM inbound WHERE EXISTS (SELECT 1 FROM unnest(@prefixes) AS p(prefix) WHERE starts_with(inbound.key, p.prefix))",
            r => r.GetString(0),
            cancellationToken,
            ("prefixes", person.InboundPrefixes));

    private sealed record OutboxRow(string Id, string Conversation, string Activity, string Status);
}
