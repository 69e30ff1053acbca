namespace PayerAtlas.Lake;

/// <summary>A forward-only read-through stream that shows every chunk read to <see cref="Observe"/> (to hash or count it).</summary>
public abstract class ObservingReadStream(Stream inner, bool leaveOpen) : Stream
{
    bool disposed;

    /// <summary>Bytes read through this stream so far.</summary>
    public long BytesRead { get; private set; }

    protected abstract void Observe(ReadOnlySpan<byte> bytes);

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        BytesRead += n;
        Observe(buffer[..n]);
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        BytesRead += n;
        Observe(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed && !leaveOpen)
        {
            inner.Dispose();
        }

        disposed = true;
        base.Dispose(disposing);
    }
}
