using System.Diagnostics;
using System.Security.Cryptography;

namespace PayerAtlas.Lake;

/// <summary>
/// A read-only pass-through that hashes (SHA-256) and counts the bytes as the reader pulls them, so a source is read
/// once: the hash that keys the manifest is of the bytes as stored (the compressed bytes of a .gz). Progress is
/// reported from the reading thread at most every <c>reportEvery</c>.
/// </summary>
public sealed class HashingStream : ObservingReadStream
{
    readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    readonly Action<long>? progress;
    readonly long reportEveryTicks;
    long nextReport;

    public HashingStream(Stream inner, Action<long>? progress = null, TimeSpan? reportEvery = null, bool leaveOpen = false)
        : base(inner, leaveOpen)
    {
        this.progress = progress;
        reportEveryTicks = (long)((reportEvery ?? TimeSpan.FromMilliseconds(250)).TotalSeconds * Stopwatch.Frequency);
        nextReport = Stopwatch.GetTimestamp() + reportEveryTicks;
    }

    /// <summary>Reads what the consumer left (a reader may stop at the closing brace) and returns the lower-case hex SHA-256 of all bytes.</summary>
    public string Finish()
    {
        var buffer = new byte[81920];
        while (Read(buffer, 0, buffer.Length) > 0)
        {
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    protected override void Observe(ReadOnlySpan<byte> bytes)
    {
        hash.AppendData(bytes);
        if (progress is not null && Stopwatch.GetTimestamp() >= nextReport)
        {
            nextReport = Stopwatch.GetTimestamp() + reportEveryTicks;
            progress(BytesRead);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
