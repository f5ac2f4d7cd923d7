using JsonSerializer = System.Text.Json.JsonSerializer;
using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Storage;
using LiteDB;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Storage.LiteDb.Engine;

namespace IntegrationBot.Storage.LiteDb.Handoff;

/// <summary>Unanswered questions in the shared LiteDB file (collection handoff_unanswered).</summary>
public sealed class LiteDbUnansweredQuestionLog : IUnansweredQuestionLog
{
    private readonly SharedLiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _questions;

    public LiteDbUnansweredQuestionLog(SharedLiteDatabase database)
    {
        _database = database;
        _questions = database.Database.GetCollection("handoff_unanswered");
        database.Setup(_ =>
        {
            _questions.EnsureIndex("user");
            _questions.EnsureIndex("at");
        });
    }

    public string Name => "unansweredQuestions";

    public Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            _ => _questions.Insert(JsonDocuments.Create(ObjectId.NewObjectId(), question, new Dictionary<string, BsonValue>
            {
                ["user"] = $"{question.ChannelId}|{question.UserId}",
                ["at"] = JsonDocuments.Ms(question.At),
            })),
            cancellationToken);

    public Task<IReadOnlyList<UnansweredQuestion>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        return _database.ReadAsync<IReadOnlyList<UnansweredQuestion>>(
            _ =>
            [.. _questions.Find(Query.All("at", Query.Descending), limit: count).Select(JsonDocuments.Read<UnansweredQuestion>)],
            cancellationToken);
    }

    public Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        _database.WriteAsync(_ => _questions.DeleteMany(LiteDbQueries.Equal("user", $"{channelId}|{userId}")), cancellationToken);

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var questions = await _database.ReadAsync(
            _ => _questions.Find(LiteDbQueries.Equal("user", $"{channelId}|{userId}")).Select(JsonDocuments.Read<UnansweredQuestion>).ToList(),
            cancellationToken);
        return JsonSerializer.SerializeToNode(questions, HandoffJson.Options) ?? new JsonArray();
    }

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        _database.WriteAsync(_ => _questions.DeleteMany(LiteDbQueries.Less("at", JsonDocuments.Ms(cutoff))), cancellationToken);
}
