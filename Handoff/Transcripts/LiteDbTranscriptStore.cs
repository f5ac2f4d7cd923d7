using JsonSerializer = System.Text.Json.JsonSerializer;
using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Storage;
using LiteDB;

namespace IntegrationBot.Handoff.Transcripts;

/// <summary>Transcripts in the shared LiteDB file (collection handoff_transcripts).</summary>
public sealed class LiteDbTranscriptStore : ITranscriptStore
{
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _messages;

    public LiteDbTranscriptStore(LiteDatabase database)
    {
        _database = database;
        _messages = database.GetCollection("handoff_transcripts");
        LiteDbGate.For(database).Setup(_ =>
        {
            _messages.EnsureIndex("conversation");
            _messages.EnsureIndex("user");
            _messages.EnsureIndex("at");
            _messages.EnsureIndex("line");
        });
    }

    public string Name => "transcripts";

    public Task AppendAsync(TranscriptMessage message, CancellationToken cancellationToken)
    {
        var line = message.LineId is { } lineId ? $"{message.ChannelId}|{message.ConversationId}|{lineId}" : null;
        return LiteDbGate.For(_database).WriteAsync(
            _ =>
            {
                // Insert if absent: a line with this id was already written by an earlier run of the same turn.
                if (line is not null && _messages.Exists(LiteDbQueries.Equal("line", line)))
                {
                    return false;
                }

                _messages.Insert(JsonDocuments.Create(ObjectId.NewObjectId(), message, new Dictionary<string, BsonValue>
                {
                    ["conversation"] = $"{message.ChannelId}|{message.ConversationId}",
                    ["user"] = $"{message.ChannelId}|{message.UserId}",
                    ["at"] = JsonDocuments.Ms(message.At),
                    ["line"] = line,
                }));
                return true;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<TranscriptMessage>> RecentAsync(string channelId, string conversationId, int count, CancellationToken cancellationToken)
    {
        // ObjectIds grow with insertion order, which keeps equal timestamps in the order they were written.
        IReadOnlyList<TranscriptMessage> recent =
        [
            .. _messages.Find(LiteDbQueries.Equal("conversation", $"{channelId}|{conversationId}"))
                .OrderByDescending(d => d["at"].AsInt64).ThenByDescending(d => d["_id"].AsObjectId)
                .Take(count)
                .Reverse()
                .Select(JsonDocuments.Read<TranscriptMessage>),
        ];
        return Task.FromResult(recent);
    }

    public Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        LiteDbGate.For(_database).WriteAsync(_ => _messages.DeleteMany(LiteDbQueries.Equal("user", $"{channelId}|{userId}")), cancellationToken);

    public Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var messages = _messages.Find(LiteDbQueries.Equal("user", $"{channelId}|{userId}")).Select(JsonDocuments.Read<TranscriptMessage>).OrderBy(m => m.At).ToList();
        return Task.FromResult<JsonNode>(JsonSerializer.SerializeToNode(messages, HandoffJson.Options) ?? new JsonArray());
    }

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        LiteDbGate.For(_database).WriteAsync(_ => _messages.DeleteMany(LiteDbQueries.Less("at", JsonDocuments.Ms(cutoff))), cancellationToken);
}
