namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// Holds LiteDB's writes to the data file while an online backup copies it (<see cref="SharedLiteDatabase.CopyDataFileAsync"/>).
/// LiteDB writes that file only in checkpoints; commits go to its log. So between the backup's own checkpoint and the
/// end of its copy, the data file is what it was at that checkpoint, and turns go on committing to the log; a checkpoint
/// that falls in the copy (LiteDB's automatic one, an erasure's) waits at its first write until the copy ends.
/// </summary>
internal sealed class DataFileFence
{
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private int _waiting;

    /// <summary>Writes held at the fence now, for tests.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Called by the data file's stream before each write: returns at once unless a copy runs.</summary>
    public void WaitUntilOpen()
    {
        if (_open.IsSet)
        {
            return;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            _open.Wait();
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>On the writer thread, right after the backup's checkpoint, before any other write can reach the file.</summary>
    public void Close()
    {
        if (!_open.IsSet)
        {
            throw new InvalidOperationException("A copy of the data file is already being made.");
        }

        _open.Reset();
    }

    public void Open() => _open.Set();
}
