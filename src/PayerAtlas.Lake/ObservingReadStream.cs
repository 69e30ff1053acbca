namespace PayerAtlas.Lake;

/// <summary>A forward-only read-through stream that shows every chunk read to <see cref="Observe"/> (to hash or count it).</summary>
public abstract class ObservingReadStream(Stream inner, bool leaveOpen) : ForwardReadStream
{
    bool disposed;

    long bytesRead;

    /// <summary>Bytes read through this stream so far.</summary>
    public override long BytesRead => bytesRead;

    protected abstract void Observe(ReadOnlySpan<byte> bytes);

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        bytesRead += n;
        Observe(buffer[..n]);
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        bytesRead += n;
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
