using System.Text.Json;
using IntegrationBot.Handoff.Storage;
using IntegrationBot.Storage.Postgres.Schema;
using Npgsql;

namespace IntegrationBot.Storage.Postgres.Knowledge;

/// <summary>
/// The NOTIFY payload of a publish: which instance published, and which topic, or (<see cref="Entry"/> set) which
/// local directory entry.
/// </summary>
public sealed record KnowledgeNotification(string Origin, string Topic, string? Entry = null)
{
    /// <summary>Sends this instance's publish of <paramref name="topic"/> or <paramref name="entry"/> on
    /// <paramref name="connection"/>, in the caller's transaction: other instances hear of it once it is committed.</summary>
    internal static Task SendAsync(NpgsqlConnection connection, PostgresDatabase database, string topic, string? entry, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(new KnowledgeNotification(database.InstanceId, topic, entry), HandoffJson.Options);
        return Sql.ExecuteAsync(connection, "SELECT pg_notify(@channel, @payload)", cancellationToken, ("channel", database.KnowledgeChannel), ("payload", payload));
    }
}
