using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>No-match questions and negative feedback in table <c>handoff_unanswered</c>.</summary>
public sealed class PostgresUnansweredQuestionLog(PostgresDatabase database) : IUnansweredQuestionLog
{
    public string Name => "unansweredQuestions";

    public async Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            "INSERT INTO handoff_unanswered (user_key, at, json) VALUES (@u, @at, @j)",
            cancellationToken,
            ("u", $"{question.ChannelId}|{question.UserId}"),
            ("at", question.At.UtcTicks),
            ("j", JsonSerializer.Serialize(question, HandoffJson.Options)));
    }

    public async Task<IReadOnlyList<UnansweredQuestion>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(
            connection,
            "SELECT json FROM handoff_unanswered ORDER BY at DESC, id DESC LIMIT @n",
            r => Read(r.GetString(0)),
            cancellationToken,
            ("n", Math.Max(count, 0)));
    }

    public async Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, "DELETE FROM handoff_unanswered WHERE user_key = @u", cancellationToken, ("u", $"{channelId}|{userId}"));
    }

    public async Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var questions = await Sql.ListAsync(
            connection,
            "SELECT json FROM handoff_unanswered WHERE user_key = @u ORDER BY at, id",
            r => Read(r.GetString(0)),
            cancellationToken,
            ("u", $"{channelId}|{userId}"));
        return JsonSerializer.SerializeToNode(questions, HandoffJson.Options) ?? new JsonArray();
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, "DELETE FROM handoff_unanswered WHERE at < @cutoff", cancellationToken, ("cutoff", cutoff.UtcTicks));
    }

    private static UnansweredQuestion Read(string json) =>
        JsonSerializer.Deserialize<UnansweredQuestion>(json, HandoffJson.Options) ?? throw new InvalidDataException("Stored question is empty.");
}
