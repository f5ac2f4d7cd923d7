using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Handoff.Transcripts;
using IntegrationBot.Storage.Postgres.Outbox;
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
        // A line that a rerun of the same turn writes again is a no-op (unique conversation and line key).
        await Sql.ExecuteAsync(connection, "SELECT ib_transcript_append(@lc, @lu, @lat, @lj, @lk)", cancellationToken, Arguments(messages));
    }

    /// <summary>
    /// Written by the turn's commit call when a turn of this conversation is open in the caller's flow
    /// (<see cref="JoinedWrites"/>): no round trip of their own. Otherwise written at once, like <see cref="AppendManyAsync"/>.
    /// </summary>
    public Task AppendBeforeCommitAsync(IReadOnlyList<TranscriptMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages.Count == 0 || JoinedWrites.Current is { } turn && turn.TryJoin(database, this, messages)
            ? Task.CompletedTask
            : AppendManyAsync(messages, cancellationToken);
    }

    /// <summary>The arguments of <c>ib_transcript_append</c> (named as <c>ib_turn_commit</c>'s call names them too).</summary>
    internal static (string Name, object? Value)[] Arguments(IReadOnlyList<TranscriptMessage> messages) =>
    [
        ("lc", messages.Select(m => $"{m.ChannelId}|{m.ConversationId}").ToArray()),
        ("lu", messages.Select(m => UserKeys.Of(m.ChannelId, m.UserId)).ToArray()),
        ("lat", messages.Select(m => m.At.UtcTicks).ToArray()),
        ("lj", messages.Select(m => JsonSerializer.Serialize(m, HandoffJson.Options)).ToArray()),
        ("lk", messages.Select(m => m.LineId).ToArray()),
    ];

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
