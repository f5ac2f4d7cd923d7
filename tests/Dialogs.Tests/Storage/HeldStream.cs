namespace IntegrationBot.Dialogs.Tests.Storage;

/// <summary>A file target whose first write waits until <see cref="Release"/>: a backup's copy caught half-way.</summary>
internal sealed class HeldStream(string path) : Stream
{
    private readonly FileStream _file = File.Create(path);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the copy has read its first bytes and waits to write them.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _reached.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
        await _file.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("the copy writes asynchronously");

    public override void Flush() => _file.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _released.TrySetResult();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
