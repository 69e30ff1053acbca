namespace PayerAtlas.Importers.Tic;

/// <summary>
/// Values keyed by their UTF-8 bytes, looked up from a span without allocating: interned strings (codes, types,
/// payer names) and objects built from a repeated JSON fragment (a <c>service_code</c> array, an inline provider
/// group). Open addressing over a power-of-two table; it stops growing at <c>maxEntries</c> and then simply misses,
/// so memory stays bounded on files with millions of distinct values.
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
            var hash = Hash(key);
            var mask = table.Length - 1;
            for (var i = hash & mask; table[i].Key is { } k; i = (i + 1) & mask)
            {
                if (table[i].Hash == hash && key.SequenceEqual(k))
                {
                    value = table[i].Value;
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

        Insert(new Entry(key.ToArray(), value, Hash(key)));
        count++;
    }

    void Insert(Entry entry)
    {
        var mask = table.Length - 1;
        var i = entry.Hash & mask;
        while (table[i].Key is not null)
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
            if (e.Key is not null)
            {
                Insert(e);
            }
        }
    }

    static int Hash(ReadOnlySpan<byte> key)
    {
        // FNV-1a over the bytes: keys are short (codes, names, small arrays); good enough spread, no allocation.
        var h = 2166136261u;
        foreach (var b in key)
        {
            h = (h ^ b) * 16777619u;
        }

        return (int)(h & 0x7fffffff);
    }

    readonly record struct Entry(byte[] Key, T Value, int Hash);
}
