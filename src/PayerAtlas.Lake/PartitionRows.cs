using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// The rows of one partition held in memory until they are written as a Parquet row group, in a compact form the
/// writer's partitioner thread appends to cheaply: per row the numbers of its item and price heads in the ingest's
/// <see cref="HeadTable{TColumns}"/>s and a short record of its numbers (locator indices, byte-offset delta, rate,
/// counts, expiration), in byte blocks from a shared shelf: ~20 bytes a row instead of the ~280 of an observation.
/// <see cref="LakeColumns.Fill"/> turns it into columns.
/// </summary>
internal sealed class PartitionRows(PartitionKey key, ArrayShelf<byte> shelf)
{
    /// <summary>Bytes a new partition's first block holds (small: a file may spread over thousands of partitions).</summary>
    public const int FirstBlockBytes = 2_048;

    /// <summary>Bytes of every later block.</summary>
    public const int BlockBytes = 32_768;

    /// <summary>The largest record <see cref="Add"/> writes: a flag byte, nine varints and two doubles.</summary>
    const int MaxRecordBytes = 1 + (2 * 5) + (4 * 5) + 10 + 16 + (3 * 5);

    const byte HasRate = 1 << 3, HasBilled = 1 << 4, IsPercentage = 1 << 5, HasExpiration = 1 << 6;

    readonly List<string> texts = [];
    readonly List<(byte[] Block, int Used)> full = [];
    byte[]? block;
    int capacity;
    int used;
    long lastOffset;

    public PartitionKey Key { get; } = key;

    /// <summary>Rows held.</summary>
    public int Count { get; private set; }

    /// <summary>Memory the rows hold: block capacity and text locators (an estimate the writer's budget counts).</summary>
    public long Bytes { get; private set; }

    /// <summary>Text locators (hospital CSV lines, other readers' own paths), numbered in order.</summary>
    public IReadOnlyList<string> Texts => texts;

    /// <summary>Appends one row whose string columns are the heads <paramref name="item"/> and <paramref name="price"/>; returns the bytes it added to <see cref="Bytes"/>.</summary>
    public long Add(in LakeRow o, int item, int price)
    {
        var before = Bytes;
        if (block is null || capacity - used < MaxRecordBytes)
        {
            NextBlock();
        }

        // From the length kept here: the block's own length sits in its first cache line, one miss a row across
        // hundreds of partitions (a third of this method's time, perf).
        var span = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(block), used), capacity - used);
        var n = Varint(span, (uint)item);
        n += Varint(span[n..], (uint)price);
        var flagAt = n++;
        ref readonly var locator = ref o.LocatorNumbers;
        var flags = (byte)locator.Shape;
        if (locator.Shape == RateLocatorShape.Text)
        {
            n += Varint(span[n..], (uint)texts.Count);
            texts.Add(o.LocatorText ?? "");
            Bytes += 40 + (2L * (o.LocatorText?.Length ?? 0));
        }
        else
        {
            n += Varint(span[n..], (uint)locator.A);
            n += Varint(span[n..], (uint)locator.B);
            n += Varint(span[n..], (uint)locator.C);
            if (locator.Shape != RateLocatorShape.InNetworkPrice)
            {
                n += Varint(span[n..], (uint)locator.D);
            }

            var delta = locator.Offset - lastOffset;
            lastOffset = locator.Offset;
            n += Varint(span[n..], (ulong)((delta << 1) ^ (delta >> 63)));
        }

        if (o.Rate is { } rate)
        {
            flags |= HasRate;
            BinaryPrimitives.WriteDoubleLittleEndian(span[n..], (double)rate);
            n += 8;
        }

        if (o.BilledCharge is { } billed)
        {
            flags |= HasBilled;
            BinaryPrimitives.WriteDoubleLittleEndian(span[n..], (double)billed);
            n += 8;
        }

        if (o.RateIsPercentage)
        {
            flags |= IsPercentage;
        }

        n += Varint(span[n..], (uint)o.ProviderNpiCount);
        n += Varint(span[n..], (uint)o.ProviderTinCount);
        if (o.ExpirationDate is { } expires)
        {
            flags |= HasExpiration;
            n += Varint(span[n..], (uint)expires.DayNumber);
        }

        span[flagAt] = flags;
        used += n;
        Count++;
        return Bytes - before;
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(block))]
    void NextBlock()
    {
        if (block is not null)
        {
            full.Add((block, used));
        }

        block = shelf.Rent(block is null ? FirstBlockBytes : BlockBytes);
        capacity = block.Length;
        used = 0;
        Bytes += block.Length;
    }

    /// <summary>The record blocks in order, each with the bytes used (read them with <see cref="RowReader"/>).</summary>
    public IEnumerable<(byte[] Block, int Used)> Blocks()
    {
        foreach (var b in full)
        {
            yield return b;
        }

        if (block is not null)
        {
            yield return (block, used);
        }
    }

    /// <summary>Gives the blocks back to the shelf (the rows are not read again).</summary>
    public void Release()
    {
        foreach (var (bytes, n) in Blocks())
        {
            shelf.Return(bytes, n);
        }

        full.Clear();
        block = null;
        capacity = 0;
        texts.Clear();
        Count = 0;
        Bytes = 0;
    }

    static int Varint(Span<byte> span, ulong value) => Parquet.Uleb128.Write(span, value);

    /// <summary>Reads one block's records (see <see cref="Add"/> for the layout).</summary>
    public ref struct RowReader(ReadOnlySpan<byte> bytes)
    {
        readonly ReadOnlySpan<byte> bytes = bytes;
        int position;

        public readonly bool End => position >= bytes.Length;

        /// <summary>Decodes the next record; <paramref name="offset"/> carries the byte-offset delta chain.</summary>
        public void Next(ref long offset, out Row row)
        {
            row.Item = (int)Varint();
            row.Price = (int)Varint();
            var flags = bytes[position++];
            row.Shape = (RateLocatorShape)(flags & 0x7);
            if (row.Shape == RateLocatorShape.Text)
            {
                row.Text = (int)Varint();
                row.A = row.B = row.C = row.D = 0;
                row.Offset = 0;
            }
            else
            {
                row.Text = -1;
                row.A = (int)Varint();
                row.B = (int)Varint();
                row.C = (int)Varint();
                row.D = row.Shape == RateLocatorShape.InNetworkPrice ? 0 : (int)Varint();
                var zigzag = Varint();
                offset += (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
                row.Offset = offset;
            }

            row.Rate = (flags & HasRate) != 0 ? Double() : null;
            row.Billed = (flags & HasBilled) != 0 ? Double() : null;
            row.IsPercentage = (flags & IsPercentage) != 0;
            row.NpiCount = (int)Varint();
            row.TinCount = (int)Varint();
            row.Expiration = (flags & HasExpiration) != 0 ? DateOnly.FromDayNumber((int)Varint()) : null;
        }

        double Double()
        {
            var v = BinaryPrimitives.ReadDoubleLittleEndian(bytes[position..]);
            position += 8;
            return v;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        ulong Varint()
        {
            var first = bytes[position];
            if (first < 0x80)
            {
                position++;
                return first;
            }

            return LongVarint();
        }

        ulong LongVarint()
        {
            ulong v = 0;
            var shift = 0;
            while (true)
            {
                var b = bytes[position++];
                v |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return v;
                }

                shift += 7;
            }
        }
    }

    /// <summary>One decoded record.</summary>
    public struct Row
    {
        public int Item;
        public int Price;
        public RateLocatorShape Shape;
        public int Text;
        public int A, B, C, D;
        public long Offset;
        public double? Rate;
        public double? Billed;
        public bool IsPercentage;
        public int NpiCount, TinCount;
        public DateOnly? Expiration;
    }
}
