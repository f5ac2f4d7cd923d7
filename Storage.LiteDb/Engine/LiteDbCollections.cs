using LiteDB;
using IntegrationBot.Dialogs.Storage;
using IntegrationBot.Storage.LiteDb.State;
using IntegrationBot.Storage.LiteDb.Outbox;
using IntegrationBot.Storage.LiteDb.Dashboard;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// Every collection the host's stores write, created when the file is opened, before any write runs.
/// </summary>
/// <remarks>
/// LiteDB 5 keeps the list of collections in one header object shared by every transaction. A write that creates a
/// collection puts it there before it commits, and a reader that meets the new name reads pages that are not on disk
/// yet: LiteDB then declares the whole file invalid ("page type must be collection page") and every later write
/// fails. A lone write creating a collection leaves that window open for a moment; the writer's combined transactions
/// (<see cref="LiteDbWriter"/>) left it open long enough for 200 conversations starting at once to hit it. With every
/// collection created here, no write ever creates one. A new store must add its collections to this list
/// (a test in Bot.Tests fails otherwise).
/// </remarks>
public static class LiteDbCollections
{
    public static IReadOnlyList<string> Names { get; } =
    [
        // Dialogs: state, the outbox and exactly-once inbound ids.
        LiteDbDocuments.StateCollection,
        Outbox.LiteDbOutboxDocuments.OutboxCollection,
        Outbox.LiteDbOutboxDocuments.DeadLetterCollection,
        Outbox.LiteDbOutboxDocuments.SequenceCollection,
        Outbox.LiteDbOutboxDocuments.InboundCollection,
        // Channels: the web chat log.
        "directline_conversations",
        "directline_activities",
        // Handoff.
        "handoff_requests",
        "handoff_daily",
        "handoff_transcripts",
        "handoff_unanswered",
        "handoff_counselors",
        "handoff_canned",
        "handoff_canned_defaults",
        // "My first steps": reminder subscriptions and the dashboard's counters.
        "plan_reminders",
        "plan_daily",
        // Knowledge editing: topic versions, the published version of each, dismissed backlog questions, directory edits.
        "knowledge_versions",
        "knowledge_published",
        "knowledge_dismissed",
        "knowledge_directory",
        // Knowledge editor: per-topic counters of the browse list (Handoff.Dashboard.LiteDbTopicStatistics).
        "topic_daily",
    ];

    /// <summary>Creates the collections missing from <paramref name="database"/>, all in one committed transaction.</summary>
    internal static void CreateMissing(LiteDatabase database)
    {
        var existing = database.GetCollectionNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = Names.Where(name => !existing.Contains(name)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        database.BeginTrans();
        try
        {
            foreach (var name in missing)
            {
                // LiteDB creates a collection with its first document; the probe goes again in the same transaction.
                var collection = database.GetCollection(name);
                var probe = collection.Insert(new BsonDocument { ["_id"] = "$created" });
                collection.Delete(probe);
            }

            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }
}
