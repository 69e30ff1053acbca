using System.Buffers;

namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// The RLE / bit-packing hybrid fed with runs (value, length) instead of single values, so a column whose values
/// repeat costs per run, not per row. Equal neighbouring runs merge; runs of 8 or more become RLE runs (after padding
/// the pending literals to whole groups of 8 with the run's first values), shorter ones bit-packed literals.
/// </summary>
internal sealed class RleRunEncoder : IDisposable
{
    PooledBuffer output = null!;
    int bitWidth;
    int[] literals = ArrayPool<int>.Shared.Rent(1024);
    int literalCount;
    int pendingValue;
    int pendingLength;

    public void Begin(PooledBuffer destination, int width)
    {
        output = destination;
        bitWidth = width;
        literalCount = 0;
        pendingLength = 0;
    }

    public void Add(int value, int length)
    {
        if (pendingLength > 0 && value == pendingValue)
        {
            pendingLength += length;
            return;
        }

        Flush();
        pendingValue = value;
        pendingLength = length;
    }

    public void End()
    {
        Flush();
        if (literalCount > 0)
        {
            RleHybrid.BitPack<int>(literals.AsSpan(0, literalCount), bitWidth, output);
            literalCount = 0;
        }
    }

    void Flush()
    {
        var (value, length) = (pendingValue, pendingLength);
        pendingLength = 0;
        if (length >= 8)
        {
            var pad = (8 - (literalCount & 7)) & 7;
            if (length - pad >= 8)
            {
                if (literalCount + pad > 0)
                {
                    Append(value, pad);
                    RleHybrid.BitPack<int>(literals.AsSpan(0, literalCount), bitWidth, output);
                    literalCount = 0;
                }

                RleHybrid.Run((uint)value, length - pad, bitWidth, output);
                return;
            }
        }

        Append(value, length);
    }

    void Append(int value, int length)
    {
        if (literalCount + length > literals.Length)
        {
            var bigger = ArrayPool<int>.Shared.Rent(Math.Max(literals.Length * 2, literalCount + length));
            literals.AsSpan(0, literalCount).CopyTo(bigger);
            ArrayPool<int>.Shared.Return(literals);
            literals = bigger;
        }

        if (length == 1)
        {
            // The common case of a column whose value changes row by row (a call to Fill each, perf).
            literals[literalCount++] = value;
            return;
        }

        literals.AsSpan(literalCount, length).Fill(value);
        literalCount += length;
    }

    public void Dispose()
    {
        if (literals.Length > 0)
        {
            ArrayPool<int>.Shared.Return(literals);
            literals = [];
        }
    }
}
