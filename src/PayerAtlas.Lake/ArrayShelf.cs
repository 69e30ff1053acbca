using System.Numerics;
using System.Runtime.CompilerServices;

namespace PayerAtlas.Lake;

/// <summary>
/// Arrays of one element type kept for reuse, by power-of-two length (at least 64). Batches grow by renting the next
/// size and hand their arrays back when flushed, so an ingest reuses the same arrays instead of feeding the GC
/// (hundreds of partitions flushing and regrowing would otherwise allocate large arrays all the time). At most
/// <c>maxRetained</c> elements are kept; past it returned arrays are left to the GC. Thread-safe: the reader rents,
/// the encoder returns.
/// </summary>
internal sealed class ArrayShelf<T>(long maxRetained)
{
    const int Smallest = 64;
    readonly Stack<T[]>[] buckets = [.. Enumerable.Range(0, 31).Select(_ => new Stack<T[]>())];
    readonly Lock gate = new();
    long retained;

    /// <summary>An array of at least <paramref name="minimum"/> elements (all default).</summary>
    public T[] Rent(int minimum)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(Smallest, minimum));
        var bucket = BitOperations.Log2((uint)size);
        lock (gate)
        {
            if (buckets[bucket].TryPop(out var array))
            {
                retained -= array.Length;
                return array;
            }
        }

        // Arrays without references (the lake writer's byte blocks) live on the pinned heap, uninitialised: the GC
        // neither copies them while they age nor zeroes them (they are written before they are read).
        return RuntimeHelpers.IsReferenceOrContainsReferences<T>() ? new T[size] : GC.AllocateUninitializedArray<T>(size, pinned: true);
    }

    /// <summary>Takes an array back; its first <paramref name="used"/> elements are cleared when they hold references.</summary>
    public void Return(T[] array, int used)
    {
        if (array.Length < Smallest || !BitOperations.IsPow2(array.Length))
        {
            return;
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(array, 0, Math.Min(used, array.Length));
        }

        lock (gate)
        {
            if (retained + array.Length <= maxRetained)
            {
                buckets[BitOperations.Log2((uint)array.Length)].Push(array);
                retained += array.Length;
            }
        }
    }
}
