namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// How <see cref="LiteDbWriter"/> runs a batch of writes, with or without the write journal: attempt it as one unit;
/// a write that threw fails alone and the others run again without it, so they see what they would have seen in a
/// transaction of their own; a failure of the batch as a whole (the commit, the journal) fails every write, since
/// nothing of it was written.
/// </summary>
internal static class BatchAttempts
{
    /// <summary>One attempt: the index of the write that threw (-1: the batch as a whole failed) and why; no failure: done.</summary>
    public delegate (int Failed, Exception? Failure) Attempt(List<PendingWrite> batch);

    /// <summary>Attempts <paramref name="batch"/> until what is left of it succeeds; <paramref name="done"/> runs once it did.</summary>
    public static void RunUntilDone(List<PendingWrite> batch, Attempt attempt, Action done)
    {
        batch.RemoveAll(CancelIfRequested);
        while (batch.Count > 0)
        {
            var (failed, failure) = attempt(batch);
            if (failure is null)
            {
                done();
                batch.ForEach(write => write.Succeed());
                return;
            }

            if (failed < 0)
            {
                batch.ForEach(write => write.Fail(failure));
                return;
            }

            batch[failed].Fail(failure);
            batch.RemoveAt(failed);
        }
    }

    private static bool CancelIfRequested(PendingWrite write)
    {
        if (!write.Cancellation.IsCancellationRequested)
        {
            return false;
        }

        write.Cancel();
        return true;
    }
}
