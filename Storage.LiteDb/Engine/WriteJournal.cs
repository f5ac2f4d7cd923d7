using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using IntegrationBot.Dialogs.Storage;
using Microsoft.Win32.SafeHandles;

namespace IntegrationBot.Storage.LiteDb.Engine;

/// <summary>
/// The write journal next to the LiteDB file (issue 19): each batch of writes is appended here as one frame, and the
/// batch is durable once the frame is (<see cref="Sync"/>), while LiteDB commits the batches behind it, many at once.
/// After a crash, the frames LiteDB had not committed are applied again at open (<see cref="ReadFrames"/>).
/// </summary>
/// <remarks>
/// Why: a LiteDB commit rewrites every page its writes touched; with one commit per turn that page work was most of a
/// turn's storage cost. Appending a turn's changes costs one write of a few KB.
/// Two files take turns (<c>integrationbot-journal-0.db</c>, <c>-1.db</c>): new frames go to one while the other
/// waits until LiteDB's commit of its frames is on disk, then it is emptied. So the journal stays small and never
/// holds a person's messages much longer than LiteDB's own log does. Frame: payload length (4 bytes), CRC-32 of the
/// sequence number and payload (4), sequence number (8), payload (the batch's <see cref="JournalOp"/>s). A frame cut
/// short by a power loss fails its CRC and ends the file's frames; it was never acknowledged.
/// Used by the writer thread only, except <see cref="Sync"/>'s fsync, which is safe next to writes (no buffers).
/// </remarks>
internal sealed class WriteJournal : IDisposable
{
    private const int HeaderLength = 16;

    private readonly SafeFileHandle[] _files;
    private readonly long[] _lengths = new long[2];
    // The highest sequence number framed in each file; 0 when the file is empty.
    private readonly long[] _lastSequence = new long[2];
    // 1 while a file has frames its last fsync did not cover: the sync thread fsyncs only those (set by the writer).
    private readonly int[] _unsynced = new int[2];
    private int _active;

    private WriteJournal(string[] paths, SafeFileHandle[] files, StorageDurability mode, TimeSpan interval, Func<Action, Action> decorateSync)
    {
        Paths = paths;
        _files = files;
        for (var i = 0; i < files.Length; i++)
        {
            _lengths[i] = RandomAccess.GetLength(files[i]);
        }

        Sync = new DiskSync(decorateSync(FlushUnsynced), mode, interval, "LiteDB journal sync");
    }

    /// <summary>Group fsync of the journal: a batch is durable when this covers its frame.</summary>
    public DiskSync Sync { get; }

    public IReadOnlyList<string> Paths { get; }

    /// <summary>Bytes in the two files, for tests and diagnostics.</summary>
    public long Length => _lengths[0] + _lengths[1];

    public static WriteJournal Open(string dataFile, StorageDurability mode, TimeSpan interval, Func<Action, Action> decorateSync)
    {
        var paths = new[] { PathOf(dataFile, 0), PathOf(dataFile, 1) };
        var files = new SafeFileHandle[2];
        try
        {
            for (var i = 0; i < 2; i++)
            {
                files[i] = File.OpenHandle(paths[i], FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, FileOptions.None);
            }
        }
        catch
        {
            foreach (var file in files)
            {
                file?.Dispose();
            }

            throw;
        }

        return new WriteJournal(paths, files, mode, interval, decorateSync);
    }

    /// <summary>The journal files of <paramref name="dataFile"/>.</summary>
    public static string PathOf(string dataFile, int index) =>
        Path.Combine(Path.GetDirectoryName(dataFile)!, $"{Path.GetFileNameWithoutExtension(dataFile)}-journal-{index}{Path.GetExtension(dataFile)}");

    /// <summary>Every whole frame of both files, by sequence number; a torn or damaged frame ends its file's frames.</summary>
    public List<(long Sequence, byte[] Payload)> ReadFrames()
    {
        var frames = new List<(long, byte[])>();
        for (var i = 0; i < 2; i++)
        {
            var bytes = new byte[_lengths[i]];
            var read = bytes.Length == 0 ? 0 : RandomAccess.Read(_files[i], bytes, 0);
            var span = bytes.AsSpan(0, read);
            while (span.Length >= HeaderLength)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(span);
                if (length < 0 || length > span.Length - HeaderLength)
                {
                    break;
                }

                var body = span.Slice(8, 8 + length);
                if (BinaryPrimitives.ReadUInt32LittleEndian(span[4..]) != Crc32.HashToUInt32(body))
                {
                    break;
                }

                var sequence = BinaryPrimitives.ReadInt64LittleEndian(body);
                frames.Add((sequence, body[8..].ToArray()));
                _lastSequence[i] = Math.Max(_lastSequence[i], sequence);
                span = span[(HeaderLength + length)..];
            }
        }

        frames.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return frames;
    }

    /// <summary>Appends the frame of batch <paramref name="sequence"/>: one write to the OS; durable once <see cref="Sync"/> says so.</summary>
    public void Append(long sequence, List<JournalOp> ops)
    {
        var length = 0;
        foreach (var op in ops)
        {
            length += op.Bytes.Length;
        }

        var frame = ArrayPool<byte>.Shared.Rent(HeaderLength + length);
        try
        {
            var span = frame.AsSpan(0, HeaderLength + length);
            BinaryPrimitives.WriteInt32LittleEndian(span, length);
            BinaryPrimitives.WriteInt64LittleEndian(span[8..], sequence);
            var at = HeaderLength;
            foreach (var op in ops)
            {
                op.Bytes.CopyTo(span[at..]);
                at += op.Bytes.Length;
            }

            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32.HashToUInt32(span[8..]));
            RandomAccess.Write(_files[_active], span, _lengths[_active]);
            _lengths[_active] += span.Length;
            _lastSequence[_active] = sequence;
            // Before the note: an fsync round that counts this write also sees which file it went to.
            Volatile.Write(ref _unsynced[_active], 1);
            Sync.NoteWritten();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>
    /// LiteDB's commit of every frame up to <paramref name="durableSequence"/> is on disk: empties the files that hold
    /// only such frames, and sends new frames to an empty file so the other one can be emptied at the next call.
    /// </summary>
    public void Covered(long durableSequence)
    {
        for (var i = 0; i < 2; i++)
        {
            if (_lastSequence[i] != 0 && _lastSequence[i] <= durableSequence)
            {
                Truncate(i);
            }
        }

        if (_lastSequence[_active] != 0 && _lastSequence[1 - _active] == 0)
        {
            _active = 1 - _active;
        }
    }

    /// <summary>Empties both files (after recovery, or a checkpoint that put everything in the data file).</summary>
    public void Clear()
    {
        Truncate(0);
        Truncate(1);
    }

    public void Dispose()
    {
        Sync.Dispose();
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }

    private void Truncate(int index)
    {
        // No fsync of its own: an emptying lost to a power failure only brings back frames LiteDB already holds, which
        // the next start skips by their sequence numbers.
        if (_lengths[index] != 0)
        {
            RandomAccess.SetLength(_files[index], 0);
            _lengths[index] = 0;
        }

        _lastSequence[index] = 0;
    }

    // Only the files with new frames: the other is waiting to be emptied, and a second fsync per round costs a turn's latency.
    private void FlushUnsynced()
    {
        for (var i = 0; i < 2; i++)
        {
            if (Interlocked.Exchange(ref _unsynced[i], 0) == 1)
            {
                try
                {
                    RandomAccess.FlushToDisk(_files[i]);
                }
                catch
                {
                    // Still unsynced: the next round tries this file again.
                    Volatile.Write(ref _unsynced[i], 1);
                    throw;
                }
            }
        }
    }
}
