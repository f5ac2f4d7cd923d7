using IntegrationBot.Dialogs.Storage;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// A LiteDB file as LiteDB sees it. LiteDB calls <c>Flush(true)</c> (fsync) only on a <see cref="FileStream"/> it opened
/// itself and plain <see cref="Flush"/> on any other stream, so this wrapper decides what a flush means:
/// <list type="bullet">
/// <item>the log file (with a <see cref="DiskSync"/>): every write goes straight to the OS (the file is unbuffered) and
/// is noted; the <see cref="DiskSync"/> fsyncs for many commits at once, and each writer awaits it.</item>
/// <item>the data file (without): fsync at once. LiteDB writes it only in checkpoints, right before it empties the
/// log, so those pages must be on disk first. Its writes wait while an online backup copies it (<paramref name="fence"/>).</item>
/// </list>
/// </summary>
internal sealed class GroupSyncedFileStream(FileStream file, DiskSync? group, DataFileFence? fence = null) : Stream
{
    public override bool CanRead => file.CanRead;

    public override bool CanSeek => file.CanSeek;

    public override bool CanWrite => file.CanWrite;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

    public string Name => file.Name;

    /// <summary>The actual fsync; safe next to writes because the file has no buffer of its own.</summary>
    public void FlushToDisk() => file.Flush(flushToDisk: true);

    public override void Flush()
    {
        if (group is null)
        {
            FlushToDisk();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => file.Read(buffer);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void SetLength(long value)
    {
        fence?.WaitUntilOpen();
        file.SetLength(value);
        group?.NoteWritten();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        fence?.WaitUntilOpen();
        file.Write(buffer, offset, count);
        group?.NoteWritten();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        fence?.WaitUntilOpen();
        file.Write(buffer);
        group?.NoteWritten();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
