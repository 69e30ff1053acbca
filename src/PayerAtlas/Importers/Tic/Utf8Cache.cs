using System.Buffers.Binary;
using System.Numerics;

namespace PayerAtlas.Importers.Tic;

/// <summary>
/// Values keyed by their UTF-8 bytes, looked up from a span without allocating: interned strings (codes, types,
/// payer names) and values built from a repeated JSON fragment (a <c>service_code</c> array). Open addressing over
/// a power-of-two table of structs; keys up to 16 bytes live inside the slot, so a hit reads one slot and nothing
/// else. It stops growing at <c>maxEntries</c> and then simply misses, so memory stays bounded on files with
/// millions of distinct values.
/// </summary>
internal sealed class Utf8Cache<T>
    where T : class
{
    readonly int maxEntries;
    readonly int maxKeyLength;
    Entry[] table = new Entry[1024];
    int count;

    public Utf8Cache(int maxEntries = 1 << 16, int maxKeyLength = 256)
    {
        this.maxEntries = maxEntries;
        this.maxKeyLength = maxKeyLength;
    }

    public bool TryGet(ReadOnlySpan<byte> key, out T value)
    {
        if (key.Length <= maxKeyLength)
        {
            var (k0, k1) = Inline(key);
            var hash = Hash(key, k0, k1);
            var mask = table.Length - 1;
            for (var i = hash & mask; table[i].Value is not null; i = (i + 1) & mask)
            {
                ref readonly var e = ref table[i];
                if (e.Hash == hash && e.Length == key.Length && e.K0 == k0 && e.K1 == k1 && (e.Long is null || key.SequenceEqual(e.Long)))
                {
                    value = e.Value;
                    return true;
                }
            }
        }

        value = null!;
        return false;
    }

    public void Add(ReadOnlySpan<byte> key, T value)
    {
        if (key.Length > maxKeyLength || count >= maxEntries)
        {
            return;
        }

        if ((count + 1) * 2 > table.Length)
        {
            Grow();
        }

        var (k0, k1) = Inline(key);
        Insert(new Entry(k0, k1, key.Length, Hash(key, k0, k1), key.Length > 16 ? key.ToArray() : null, value));
        count++;
    }

    void Insert(Entry entry)
    {
        var mask = table.Length - 1;
        var i = entry.Hash & mask;
        while (table[i].Value is not null)
        {
            i = (i + 1) & mask;
        }

        table[i] = entry;
    }

    void Grow()
    {
        var old = table;
        table = new Entry[old.Length * 2];
        foreach (var e in old)
        {
            if (e.Value is not null)
            {
                Insert(e);
            }
        }
    }

    /// <summary>The first 16 bytes as two little-endian integers, zero-padded (read with overlapping loads, no copy).</summary>
    static (ulong, ulong) Inline(ReadOnlySpan<byte> key)
    {
        var n = key.Length;
        if (n >= 16)
        {
            return (BinaryPrimitives.ReadUInt64LittleEndian(key), BinaryPrimitives.ReadUInt64LittleEndian(key[8..]));
        }

        if (n > 8)
        {
            // The 8 bytes ending at n, shifted to drop the ones that overlap the first 8.
            return (BinaryPrimitives.ReadUInt64LittleEndian(key), BinaryPrimitives.ReadUInt64LittleEndian(key[(n - 8)..]) >> ((16 - n) * 8));
        }

        if (n == 8)
        {
            return (BinaryPrimitives.ReadUInt64LittleEndian(key), 0);
        }

        if (n > 4)
        {
            ulong high = BinaryPrimitives.ReadUInt32LittleEndian(key[(n - 4)..]) >> ((8 - n) * 8);
            return (BinaryPrimitives.ReadUInt32LittleEndian(key) | (high << 32), 0);
        }

        ulong k0 = 0;
        for (var i = 0; i < n; i++)
        {
            k0 |= (ulong)key[i] << (i * 8);
        }

        return (k0, 0);
    }

    static int Hash(ReadOnlySpan<byte> key, ulong k0, ulong k1)
    {
        var h = (0x9E3779B97F4A7C15UL ^ (ulong)key.Length) + (k0 * 0xBF58476D1CE4E5B9UL);
        h = BitOperations.RotateLeft(h, 31) ^ (k1 * 0x94D049BB133111EBUL);
        for (var rest = key.Length > 16 ? key[16..] : default; rest.Length > 0; rest = rest.Length >= 8 ? rest[8..] : default)
        {
            var chunk = rest.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(rest) : Tail(rest);
            h = BitOperations.RotateLeft((h ^ chunk) * 0xBF58476D1CE4E5B9UL, 27);
        }

        h ^= h >> 31;
        return (int)(h & 0x7fffffff);
    }

    static ulong Tail(ReadOnlySpan<byte> rest)
    {
        ulong t = 0;
        for (var i = 0; i < rest.Length; i++)
        {
            t |= (ulong)rest[i] << (i * 8);
        }

        return t;
    }

    readonly record struct Entry(ulong K0, ulong K1, int Length, int Hash, byte[]? Long, T Value);
}
