using System.Security.Cryptography;

namespace PayerAtlas.Lake;

/// <summary>
/// A read-only pass-through that hashes (SHA-256) and counts the bytes as the reader pulls them, so a source is read
/// once: the hash that keys the manifest is of the bytes as stored (the compressed bytes of a .gz). Progress is
/// reported from the reading thread at most every <c>reportEvery</c>.
/// </summary>
public sealed class HashingStream : Stream
{
    readonly Stream inner;
    readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    readonly Action<long>? progress;
    readonly long reportEveryTicks;
    long nextReport;
    bool leaveOpen;

    public HashingStream(Stream inner, Action<long>? progress = null, TimeSpan? reportEvery = null, bool leaveOpen = false)
    {
        this.inner = inner;
        this.progress = progress;
        this.leaveOpen = leaveOpen;
        reportEveryTicks = (long)((reportEvery ?? TimeSpan.FromMilliseconds(250)).TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        nextReport = System.Diagnostics.Stopwatch.GetTimestamp() + reportEveryTicks;
    }

    /// <summary>Bytes read through this stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads what the consumer left (a reader may stop at the closing brace) and returns the lower-case hex SHA-256 of all bytes.</summary>
    public string Finish()
    {
        var buffer = new byte[81920];
        while (Read(buffer, 0, buffer.Length) > 0)
        {
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Count(buffer[..n]);
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    void Count(ReadOnlySpan<byte> bytes)
    {
        hash.AppendData(bytes);
        BytesRead += bytes.Length;
        if (progress is not null && System.Diagnostics.Stopwatch.GetTimestamp() >= nextReport)
        {
            nextReport = System.Diagnostics.Stopwatch.GetTimestamp() + reportEveryTicks;
            progress(BytesRead);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
            if (!leaveOpen)
            {
                inner.Dispose();
                leaveOpen = true;
            }
        }

        base.Dispose(disposing);
    }
}
