using LiteDB;

namespace IntegrationBot.EndToEnd.Reliability;

/// <summary>What the stopped host's LiteDB file says: replies committed per conversation (its outbox counter), replies still
/// owed or dead-lettered, and the inbound ids whose turns committed.</summary>
internal sealed record HostRecords(IReadOnlyDictionary<string, long> RepliesByConversation, int Owed, int Dead, IReadOnlySet<string> Processed)
{
    public static HostRecords Read(string dataPath)
    {
        using var db = new LiteDatabase($"Filename={Path.Combine(dataPath, "integrationbot.db")};Connection=direct");
        return new HostRecords(
            db.GetCollection("outbox_sequence").FindAll().ToDictionary(d => d["_id"].AsString, d => d["last"].AsInt64),
            db.GetCollection("outbox").Count(),
            db.GetCollection("outbox_dead").Count(),
            db.GetCollection("inbound").FindAll().Select(d => d["_id"].AsString).ToHashSet());
    }

    public long RepliesTo(string channel, string conversationId) =>
        RepliesByConversation.GetValueOrDefault($"{channel}/conversations/{conversationId}");
}
