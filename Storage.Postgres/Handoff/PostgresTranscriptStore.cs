using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>Transcripts in table <c>handoff_transcripts</c>; the serial id keeps messages with equal timestamps in write order.</summary>
public sealed class PostgresTranscriptStore(PostgresDatabase database) : ITranscriptStore
{
    public string Name => "transcripts";

    public Task AppendAsync(TranscriptMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return AppendManyAsync([message], cancellationToken);
    }

    /// <summary>All lines in one transaction, inserted in order, so their serial ids keep that order.</summary>
    public async Task AppendManyAsync(IReadOnlyList<TranscriptMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = messages.Count > 1 ? await connection.BeginTransactionAsync(cancellationToken) : null;
        foreach (var message in messages)
        {
            await Sql.ExecuteAsync(
                connection,
                // The unique (conversation, line_key) index makes a line that a rerun of the same turn writes again a no-op.
                "INSERT INTO handoff_transcripts (conversation, user_key, at, json, line_key) VALUES (@c, @u, @at, @j, @l) ON CONFLICT DO NOTHING",
                cancellationToken,
                ("c", $"{message.ChannelId}|{message.ConversationId}"),
                ("u", $"{message.ChannelId}|{message.UserId}"),
                ("at", message.At.UtcTicks),
                ("j", JsonSerializer.Serialize(message, HandoffJson.Options)),
                ("l", message.LineId));
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<TranscriptMessage>> RecentAsync(string channelId, string conversationId, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var newestFirst = await Sql.ListAsync(
            connection,
            "SELECT json FROM handoff_transcripts WHERE conversation = @c ORDER BY at DESC, id DESC LIMIT @n",
            r => Read(r.GetString(0)),
            cancellationToken,
            ("c", $"{channelId}|{conversationId}"),
            ("n", Math.Max(count, 0)));
        newestFirst.Reverse();
        return newestFirst;
    }

    public async Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, "DELETE FROM handoff_transcripts WHERE user_key = @u", cancellationToken, ("u", $"{channelId}|{userId}"));
    }

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var messages = await Sql.ListAsync(
            connection,
            "SELECT json FROM handoff_transcripts WHERE user_key = @u ORDER BY at, id",
            r => Read(r.GetString(0)),
            cancellationToken,
            ("u", $"{channelId}|{userId}"));
        return JsonSerializer.SerializeToNode(messages, HandoffJson.Options) ?? new JsonArray();
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, "DELETE FROM handoff_transcripts WHERE at < @cutoff", cancellationToken, ("cutoff", cutoff.UtcTicks));
    }

    private static TranscriptMessage Read(string json) =>
        JsonSerializer.Deserialize<TranscriptMessage>(json, HandoffJson.Options) ?? throw new InvalidDataException("Stored transcript message is empty.");
}
