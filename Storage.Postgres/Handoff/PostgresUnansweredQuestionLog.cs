using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationBot.Handoff.Feedback;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Handoff;

/// <summary>No-match questions and negative feedback in table <c>handoff_unanswered</c>.</summary>
public sealed class PostgresUnansweredQuestionLog(PostgresDatabase database) : IUnansweredQuestionLog
{
    private readonly UserRows<UnansweredQuestion> _rows = new(database, "handoff_unanswered");

    public string Name => "unansweredQuestions";

    public async Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            "INSERT INTO handoff_unanswered (user_key, at, json) VALUES (@u, @at, @j)",
            cancellationToken,
            ("u", _rows.KeyOf(question.ChannelId, question.UserId)),
            ("at", question.At.UtcTicks),
            ("j", JsonSerializer.Serialize(question, HandoffJson.Options)));
    }

    public async Task<IReadOnlyList<UnansweredQuestion>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(
            connection,
            "SELECT json FROM handoff_unanswered ORDER BY at DESC, id DESC LIMIT @n",
            r => _rows.Read(r.GetString(0)),
            cancellationToken,
            ("n", Math.Max(count, 0)));
    }

    public Task<int> DeleteUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        _rows.DeleteAsync(channelId, userId, cancellationToken);

    public Task<JsonNode> ExportUserDataAsync(string channelId, string userId, CancellationToken cancellationToken) =>
        _rows.ExportAsync(channelId, userId, cancellationToken);

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        _rows.PurgeOlderThanAsync(cutoff, cancellationToken);
}
