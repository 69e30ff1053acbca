using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace PayerAtlas.Lake.Parquet;

/// <summary>
/// The dictionary of one string column chunk, built as values arrive: each distinct value gets the next index and is
/// encoded to UTF-8 once, straight into the PLAIN dictionary page; the byte-wise min and max are kept on the way.
/// Reset and reused for every chunk.
/// </summary>
internal sealed class StringDictionary : IDisposable
{
    const int RecentSlots = 64;
    readonly Dictionary<string, int> indices = new(StringComparer.Ordinal);

    // Instances seen lately, by identity: the lake's string columns repeat a few instances row after row, and an
    // identity check costs less than hashing the text.
    readonly (string? Value, int Index)[] recent = new (string?, int)[RecentSlots];
    readonly PooledBuffer page = new(1 << 16);
    int minStart = -1;
    int minLength;
    int maxStart;
    int maxLength;

    public int Count => indices.Count;

    /// <summary>The dictionary page body: PLAIN byte arrays (4-byte little-endian length, then the bytes).</summary>
    public ReadOnlySpan<byte> Page => page.Written;

    public ReadOnlySpan<byte> Min => minStart < 0 ? default : page.Written.Slice(minStart, minLength);

    public ReadOnlySpan<byte> Max => minStart < 0 ? default : page.Written.Slice(maxStart, maxLength);

    public void Reset()
    {
        indices.Clear();
        Array.Clear(recent);
        page.Reset();
        minStart = -1;
    }

    /// <summary>The value's index, adding it when new.</summary>
    public int IndexOf(string value)
    {
        ref var seen = ref recent[RuntimeHelpers.GetHashCode(value) & (RecentSlots - 1)];
        if (ReferenceEquals(seen.Value, value))
        {
            return seen.Index;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(indices, value, out var exists);
        if (exists)
        {
            seen = (value, slot);
            return slot;
        }

        slot = indices.Count - 1;
        seen = (value, slot);
        var free = page.GetFree(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, free[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(free, length);
        var start = page.Length + 4;
        page.Advance(4 + length);
        Bound(start, length);
        return slot;
    }

    void Bound(int start, int length)
    {
        if (minStart < 0)
        {
            (minStart, minLength, maxStart, maxLength) = (start, length, start, length);
            return;
        }

        var v = page.Written.Slice(start, length);
        if (v.SequenceCompareTo(Min) < 0)
        {
            (minStart, minLength) = (start, length);
        }
        else if (v.SequenceCompareTo(Max) > 0)
        {
            (maxStart, maxLength) = (start, length);
        }
    }

    public void Dispose() => page.Dispose();
}
