using System.Runtime.InteropServices;

namespace PayerAtlas.Lake.Parquet;

internal sealed partial class ColumnChunkWriter
{
    public void WriteDoubles(ColumnChunkInfo chunk, ReadOnlySpan<double?> column)
    {
        var codec = new DoubleCodec();
        WriteFixed(chunk, column, ref codec);
    }

    public void WriteInt32s(ColumnChunkInfo chunk, ReadOnlySpan<int?> column)
    {
        var codec = new IntegerCodec<int>();
        chunk.Uncompressed = options.DeltaIntegers;
        WriteFixed(chunk, column, ref codec, options.DeltaIntegers);
    }

    public void WriteInt64s(ColumnChunkInfo chunk, ReadOnlySpan<long?> column)
    {
        var codec = new IntegerCodec<long>();
        chunk.Uncompressed = options.DeltaIntegers;
        WriteFixed(chunk, column, ref codec, options.DeltaIntegers);
    }

    public void WriteDates(ColumnChunkInfo chunk, ReadOnlySpan<DateOnly?> column)
    {
        // PLAIN: not every reader takes DELTA_BINARY_PACKED for a DATE (Parquet.Net 6 refuses it).
        var codec = new DateCodec();
        WriteFixed(chunk, column, ref codec);
    }

    /// <summary>PLAIN booleans: one bit per present value, least significant bit first.</summary>
    public void WriteBooleans(ColumnChunkInfo chunk, ReadOnlySpan<bool?> column)
    {
        var n = column.Length;
        var perPage = Math.Max(8, options.PageBytes * 8);
        var nulls = 0;
        var anyFalse = false;
        var anyTrue = false;
        for (var start = 0; start < n; start += perPage)
        {
            var slice = column.Slice(start, Math.Min(perPage, n - start));
            var pageLevels = Levels(slice.Length);
            var bits = values.GetFree((slice.Length + 7) >> 3);
            var acc = 0;
            var k = 0;
            for (var j = 0; j < slice.Length; j++)
            {
                var v = slice[j];
                if (v is not { } b)
                {
                    pageLevels[j] = 0;
                    nulls++;
                    continue;
                }

                pageLevels[j] = 1;
                anyTrue |= b;
                anyFalse |= !b;
                acc |= (b ? 1 : 0) << (k & 7);
                if ((++k & 7) == 0)
                {
                    bits[(k >> 3) - 1] = (byte)acc;
                    acc = 0;
                }
            }

            if ((k & 7) != 0)
            {
                bits[k >> 3] = (byte)acc;
            }

            values.Advance((k + 7) >> 3);
            FlushDataPage(chunk, pageLevels, ParquetFormat.Plain);
        }

        chunk.NullCount = nulls;
        if (anyTrue || anyFalse)
        {
            chunk.MinValue = [anyFalse ? (byte)0 : (byte)1];
            chunk.MaxValue = [anyTrue ? (byte)1 : (byte)0];
        }
    }

    /// <summary>
    /// Pages of PLAIN values; with <paramref name="delta"/> (4- or 8-byte integers) each page's PLAIN values, which are
    /// the integers themselves, are re-encoded DELTA_BINARY_PACKED (a page without values stays PLAIN).
    /// </summary>
    void WriteFixed<T, TCodec>(ColumnChunkInfo chunk, ReadOnlySpan<T?> column, ref TCodec codec, bool delta = false)
        where T : struct
        where TCodec : struct, IPlainCodec<T>
    {
        var n = column.Length;
        var width = TCodec.Width;
        var perPage = Math.Max(1, options.PageBytes / width);
        var nulls = 0;
        for (var start = 0; start < n; start += perPage)
        {
            var slice = column.Slice(start, Math.Min(perPage, n - start));
            var pageLevels = Levels(slice.Length);
            ref var destination = ref MemoryMarshal.GetReference(values.GetFree(slice.Length * width));
            var offset = 0;
            for (var j = 0; j < slice.Length; j++)
            {
                ref readonly var v = ref slice[j];
                if (v.HasValue)
                {
                    pageLevels[j] = 1;
                    codec.Append(ref System.Runtime.CompilerServices.Unsafe.Add(ref destination, offset), v.GetValueOrDefault());
                    offset += width;
                }
                else
                {
                    pageLevels[j] = 0;
                    nulls++;
                }
            }

            values.Advance(offset);
            FlushDataPage(chunk, pageLevels, delta && offset > 0 ? EncodeDelta(width) : ParquetFormat.Plain);
        }

        chunk.NullCount = nulls;
        codec.Finish(chunk);
    }

    /// <summary>Replaces the PLAIN integers in <see cref="values"/> by their DELTA_BINARY_PACKED form; returns that encoding.</summary>
    int EncodeDelta(int width)
    {
        var scratch = workspace.Delta;
        scratch.Reset();
        if (width == 4)
        {
            DeltaBinaryPacked.Encode(MemoryMarshal.Cast<byte, int>(values.Written), scratch);
        }
        else
        {
            DeltaBinaryPacked.Encode(MemoryMarshal.Cast<byte, long>(values.Written), scratch);
        }

        values.Reset();
        values.Write(scratch.Written);
        return ParquetFormat.DeltaBinaryPacked;
    }
}
