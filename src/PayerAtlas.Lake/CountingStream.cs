namespace PayerAtlas.Lake;

/// <summary>Counts the bytes read through it (the uncompressed JSON/CSV behind a GZipStream).</summary>
internal sealed class CountingStream(Stream inner) : ObservingReadStream(inner, leaveOpen: false)
{
    protected override void Observe(ReadOnlySpan<byte> bytes)
    {
    }
}
