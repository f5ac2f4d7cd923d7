using LiteDB;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// At open, before any store: applies the journal frames LiteDB had not committed when the process ended (a crash, a
/// power loss, a kill), in one transaction with their sequence number, then empties the journal.
/// </summary>
internal static class JournalRecovery
{
    /// <returns>The sequence number of the last frame LiteDB holds: the next frame gets the one after it.</returns>
    public static long Apply(LiteDatabase database, JournaledEngine engine, WriteJournal journal)
    {
        var applied = database.GetCollection(JournaledCommits.AppliedCollection).FindById("applied")?["seq"].AsInt64 ?? 0L;
        var frames = journal.ReadFrames();
        if (frames.Count == 0)
        {
            return applied;
        }

        var last = applied;
        var missing = frames.Where(frame => frame.Sequence > applied).ToList();
        if (missing.Count > 0)
        {
            engine.Recording = null;
            database.BeginTrans();
            foreach (var (sequence, payload) in missing)
            {
                JournalOp.ApplyAll(engine.Inner, payload);
                last = Math.Max(last, sequence);
            }

            database.GetCollection(JournaledCommits.AppliedCollection).Upsert(new BsonDocument { ["_id"] = "applied", ["seq"] = last });
            database.Commit();
        }

        // Into the data file, which a checkpoint syncs to disk: only then may the journal forget its frames.
        database.Checkpoint();
        journal.Clear();
        return Math.Max(last, frames[^1].Sequence);
    }
}
