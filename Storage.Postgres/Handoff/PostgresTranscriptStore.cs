using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>Transcripts in table <c>handoff_transcripts</c>; the serial id keeps messages with equal timestamps in write order.</summary>
public sealed class PostgresTranscriptStore(PostgresDatabase database) : ITranscriptStore
{
    private readonly UserRows<TranscriptMessage> _rows = new(database, "handoff_transcripts");

    public string Name => "transcripts";

    public Task AppendAsync(TranscriptMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return AppendManyAsync([message], cancellationToken);
    }

    /// <summary>All lines in one statement (one round trip, issue 19), inserted in order, so their serial ids keep that order.</summary>
    public async Task AppendManyAsync(IReadOnlyList<TranscriptMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            // The unique (conversation, line_key) index makes a line that a rerun of the same turn writes again a no-op.
            """
            INSERT INTO handoff_transcripts (conversation, user_key, at, json, line_key)
            SELECT c, u, at, j, l FROM unnest(@c, @u, @at, @j, @l) WITH ORDINALITY AS t(c, u, at, j, l, n) ORDER BY n
            ON CONFLICT DO NOTHING
            """,
            cancellationToken,
            ("c", messages.Select(m => $"{m.ChannelId}|{m.ConversationId}").ToArray()),
            ("u", messages.Select(m => _rows.KeyOf(m.ChannelId, m.UserId)).ToArray()),
            ("at", messages.Select(m => m.At.UtcTicks).ToArray()),
            ("j", messages.Select(m => JsonSerializer.Serialize(m, HandoffJson.Options)).ToArray()),
            ("l", messages.Select(m => m.LineId).ToArray()));
    }

    public async Task<IReadOnlyList<TranscriptMessage>> RecentAsync(string channelId, string conversationId, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var newestFirst = await Sql.ListAsync(
            connection,
            "SELECT json FROM handoff_transcripts WHERE conversation = @c ORDER BY at DESC, id DESC LIMIT @n",
            r => _rows.Read(r.GetString(0)),
            cancellationToken,
            ("c", $"{channelId}|{conversationId}"),
            ("n", Math.Max(count, 0)));
        newestFirst.Reverse();
        return newestFirst;
    }

    public Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        _rows.DeleteAsync(channelId, userId, cancellationToken);

    public Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        _rows.ExportAsync(channelId, userId, cancellationToken);

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        _rows.PurgeOlderThanAsync(cutoff, cancellationToken);
}
