using LiteDB;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// How <see cref="LiteDbWriter"/> commits without the write journal (<c>Journal=false</c>, a file with a password):
/// each batch is a LiteDB transaction of its own, committed at once. <see cref="JournaledCommits"/> is the other way.
/// </summary>
internal sealed class DirectCommits(LiteDatabase database, Action afterCommit, Action<bool> transactionEnded)
{
    /// <summary>One attempt of a batch (<see cref="BatchAttempts"/>) in a LiteDB transaction of its own.</summary>
    /// <returns>The index of the write that threw (-1: the commit) and why; no failure: committed.</returns>
    public (int Failed, Exception? Failure) TryBatch(List<PendingWrite> batch)
    {
        var failed = -1;
        try
        {
            // Inside the try: a LiteDB that declared its file invalid throws here, and that must reach the callers
            // as a failed write, never end the writer thread (and with it the process).
            database.BeginTrans();
            for (var i = 0; i < batch.Count; i++)
            {
                failed = i;
                batch[i].Run(database);
            }

            failed = -1;
            database.Commit();
            transactionEnded(true);
            afterCommit();
            return (-1, null);
        }
        catch (Exception ex)
        {
            RollBack();
            return (failed, ex);
        }
    }

    /// <summary>Ends the running transaction without its writes.</summary>
    public void RollBack()
    {
        transactionEnded(false);
        try
        {
            database.Rollback();
        }
        catch (LiteException)
        {
            // Nothing left to roll back (LiteDB ended the transaction itself): the writes that follow start a new one.
        }
    }
}
