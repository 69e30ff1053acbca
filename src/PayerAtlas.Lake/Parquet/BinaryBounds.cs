namespace PayerAtlas.Lake.Parquet;

/// <summary>Byte-wise (unsigned) min and max of the PLAIN string values of a chunk, copied into reused buffers.</summary>
internal sealed class BinaryBounds : IDisposable
{
    readonly PooledBuffer min = new(256);
    readonly PooledBuffer max = new(256);
    bool any;

    public void Reset()
    {
        any = false;
        min.Reset();
        max.Reset();
    }

    public void Observe(ReadOnlySpan<byte> value)
    {
        if (!any)
        {
            any = true;
            min.Write(value);
            max.Write(value);
        }
        else if (value.SequenceCompareTo(min.Written) < 0)
        {
            min.Reset();
            min.Write(value);
        }
        else if (value.SequenceCompareTo(max.Written) > 0)
        {
            max.Reset();
            max.Write(value);
        }
    }

    public void Apply(ColumnChunkInfo chunk, int maxBytes)
    {
        if (any)
        {
            Apply(chunk, min.Written, max.Written, maxBytes);
        }
    }

    public static void Apply(ColumnChunkInfo chunk, ReadOnlySpan<byte> min, ReadOnlySpan<byte> max, int maxBytes)
    {
        // A long bound is left out rather than truncated (a truncated max would need rounding up).
        chunk.MinValue = min.Length <= maxBytes ? min.ToArray() : null;
        chunk.MaxValue = max.Length <= maxBytes ? max.ToArray() : null;
    }

    public void Dispose()
    {
        min.Dispose();
        max.Dispose();
    }
}
