using System.Runtime.CompilerServices;
using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// One part of the string columns (<typeparamref name="TColumns"/>: the item columns or the price columns), each
/// distinct combination — a <em>head</em> — numbered once for the whole ingest: a TiC file repeats the same few
/// combinations for millions of prices, so one small table shared by every partition stays in the cache where
/// per-partition tables would not, and a row stores two numbers instead of 22 strings. Written by the writer's
/// partitioner thread only; read by the encoders for rows handed to them (the hand-off publishes what was added before
/// it; chunks are never moved, only added).
/// <see cref="Clear"/> only when no partition holds rows.
/// </summary>
internal sealed class HeadTable<TColumns> where TColumns : struct, IHeadColumns
{
    const int ChunkBits = 12;
    const int ChunkSize = 1 << ChunkBits;

    /// <summary>What a head costs: its array, its dictionary entry, its slot.</summary>
    public static int HeadBytes => 24 + (TColumns.Width * 8) + 32 + 8;

    readonly Dictionary<string?[], int> numbers = new(ReferenceComparer.Instance);
    string?[][][] chunks = [new string?[ChunkSize][]];
    string?[] scratch = new string?[TColumns.Width];
    readonly (string?[]? Head, int Number, object? Key)[] recent = new (string?[]?, int, object?)[TColumns.Slots];
    string?[]? last;
    object? lastKey;
    int lastNumber;
    readonly bool[] varies = new bool[TColumns.Width];

    public int Count { get; private set; }

    /// <summary>Memory the table holds (heads and the strings first seen in them), for the writer's budget.</summary>
    public long Bytes { get; private set; }

    public string?[] this[int number] => chunks[number >> ChunkBits][number & (ChunkSize - 1)];

    /// <summary>The number of the observation's head, added when new.</summary>
    public int Find(in LakeRow o)
    {
        var key = TColumns.Key(in o);
        if (key is not null && ReferenceEquals(key, lastKey))
        {
            return lastNumber;
        }

        if (last is not null && TColumns.Same(last, in o))
        {
            lastKey = key;
            return lastNumber;
        }

        // A key seen before in this slot means its head (a reader reuses an item's columns across items of one code).
        ref var spot = ref recent[TColumns.Spot(in o) & (TColumns.Slots - 1)];
        if (spot.Head is not null && ((key is not null && ReferenceEquals(spot.Key, key)) || TColumns.Same(spot.Head, in o)))
        {
            spot.Key = key;
            last = spot.Head;
            lastKey = key;
            lastNumber = spot.Number;
            return lastNumber;
        }

        TColumns.Fill(scratch, in o);
        if (!numbers.TryGetValue(scratch, out var number))
        {
            number = Add(scratch);
            scratch = new string?[TColumns.Width];
        }

        last = this[number];
        lastKey = key;
        spot = (last, number, key);
        lastNumber = number;
        return number;
    }

    int Add(string?[] head)
    {
        var number = Count;
        var chunk = number >> ChunkBits;
        if (chunk == chunks.Length)
        {
            var grown = new string?[chunks.Length * 2][][];
            chunks.CopyTo(grown, 0);
            chunks = grown;
        }

        (chunks[chunk] ??= new string?[ChunkSize][])[number & (ChunkSize - 1)] = head;
        if (number > 0)
        {
            var first = this[0];
            for (var c = 0; c < head.Length; c++)
            {
                varies[c] |= !string.Equals(first[c], head[c], StringComparison.Ordinal);
            }
        }

        numbers.Add(head, number);
        Count++;
        Bytes += HeadBytes;
        foreach (var s in head)
        {
            Bytes += s is null ? 0 : 2L * s.Length;
        }

        return number;
    }

    /// <summary>
    /// False when every head so far holds the same value at <paramref name="position"/> (a column the source never
    /// varies, such as a TiC file's hospital setting): a chunk of it is one value, whatever its runs of heads.
    /// </summary>
    public bool Varies(int position) => varies[position];

    public void Clear()
    {
        Array.Clear(varies);
        numbers.Clear();
        chunks = [new string?[ChunkSize][]];
        last = null;
        lastKey = null;
        Array.Clear(recent);
        Count = 0;
        Bytes = 0;
    }

    /// <summary>Heads are equal when they hold the same string instances (the readers intern what repeats).</summary>
    sealed class ReferenceComparer : IEqualityComparer<string?[]>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(string?[]? x, string?[]? y)
        {
            if (x is null || y is null || x.Length != y.Length)
            {
                return ReferenceEquals(x, y);
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!ReferenceEquals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(string?[] obj)
        {
            var h = new HashCode();
            foreach (var s in obj)
            {
                h.Add(RuntimeHelpers.GetHashCode(s));
            }

            return h.ToHashCode();
        }
    }
}

/// <summary>Which string columns a <see cref="HeadTable{TColumns}"/> holds, and how to read them off an observation.</summary>
internal interface IHeadColumns
{
    static abstract int Width { get; }

    static abstract void Fill(string?[] head, in LakeRow o);

    /// <summary>True when <paramref name="head"/> holds the observation's columns as the same instances.</summary>
    static abstract bool Same(string?[] head, in LakeRow o);

    /// <summary>A cheap hash of the columns that vary most (characters or instance identities; no hashing of whole texts).</summary>
    static abstract int Spot(in LakeRow o);

    /// <summary>An instance that, when a row brings the same one as the row before, means the same head (null: none).</summary>
    static abstract object? Key(in LakeRow o);

    /// <summary>Slots of the direct-mapped cache in front of the dictionary, a power of two (hashing a head costs more than a miss here).</summary>
    static abstract int Slots { get; }
}

/// <summary>The columns constant across a TiC <c>in_network</c> item.</summary>
internal readonly struct ItemColumns : IHeadColumns
{
    public static int Width => LakeStrings.ItemCount;
    public static void Fill(string?[] head, in LakeRow o) => LakeStrings.FillItem(head, o.Item);

    public static bool Same(string?[] head, in LakeRow o) => LakeStrings.SameItem(head, o.Item);

    /// <summary>The row's <see cref="RateItem"/>: a reader hands the same one with every price of a run.</summary>
    public static object? Key(in LakeRow o) => o.Item;

    public static int Slots => 4_096;

    /// <summary>The code's last four characters, as digits of a number (codes are five characters, mostly digits).</summary>
    public static int Spot(in LakeRow o)
    {
        var code = o.BillingCode;
        var h = code.Length;
        for (var i = Math.Max(0, code.Length - 4); i < code.Length; i++)
        {
            h = (h * 10) + code[i];
        }

        return h;
    }
}

/// <summary>The columns that change from price to price.</summary>
internal readonly struct PriceColumns : IHeadColumns
{
    public static int Width => LakeStrings.PriceCount;
    public static void Fill(string?[] head, in LakeRow o) => LakeStrings.FillPrice(head, in o);
    public static bool Same(string?[] head, in LakeRow o) => LakeStrings.SamePrice(head, in o);
    public static object? Key(in LakeRow o) => null;

    public static int Slots => 1_024;

    /// <summary>
    /// The identities of the columns that vary most (the readers intern them: one instance per value), mixed: string
    /// lengths alone sent a third of a synthetic file's rows past the cache to the dictionary.
    /// </summary>
    public static int Spot(in LakeRow o)
    {
        var h = (uint)RuntimeHelpers.GetHashCode(o.NegotiatedType) * 0x9E3779B1u;
        h = (h ^ (uint)RuntimeHelpers.GetHashCode(o.PlacesOfService)) * 0x85EBCA77u;
        h = (h ^ (uint)RuntimeHelpers.GetHashCode(o.Modifiers)) * 0xC2B2AE3Du;
        h ^= (uint)(o.BillingClass ?? (BillingClass)3) * 0x27D4EB2Fu;
        return (int)(h ^ (h >> 15));
    }
}
