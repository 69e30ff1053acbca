namespace PayerAtlas.Lake;

/// <summary>The plumbing of a forward-only, read-only stream whose position is the bytes read so far.</summary>
public abstract class ForwardReadStream : Stream
{
    /// <summary>Bytes read through this stream so far.</summary>
    public abstract long BytesRead { get; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
