namespace PayerAtlas.Importers.Tic;

/// <summary>
/// What an observation keeps of the providers a rate applies to: distinct NPI and TIN counts and the networks. A
/// value, kept inside the caches' slots: as an object of its own, reading it per price was a cache miss (~12% of a read).
/// </summary>
internal readonly record struct ProviderSetSummary(int NpiCount, int TinCount, string? Network)
{
    public static readonly ProviderSetSummary Empty = new(0, 0, null);
}

/// <summary>One <c>provider_references</c> entry: its groups' distinct NPIs and TINs, or the location still to fetch.</summary>
internal sealed class ProviderReference
{
    public required long Id { get; init; }
    public long[] Npis { get; set; } = [];
    public string[] Tins { get; set; } = [];
    public string[] Networks { get; init; } = [];
    public string? Location { get; set; }
    public ProviderSetSummary? Summary { get; set; }

    /// <summary>Where the entry was read (offset, index in <c>provider_references</c>), for errors about its location file.</summary>
    public required long Offset { get; init; }
    public required int Index { get; init; }
}

/// <summary>
/// The file's <c>provider_references</c> by id, and summaries of the id lists rates use (a rate's
/// <c>provider_references: [3, 17]</c> is the union of both groups; the same list recurs across codes, so its
/// summary is computed once). Memory: 8 bytes per distinct NPI per reference plus the TIN strings.
/// </summary>
internal sealed class ProviderTable
{
    const long DenseLimit = 1 << 22;
    ProviderSetSummary?[] dense = new ProviderSetSummary?[1024];
    readonly Dictionary<long, ProviderReference> byId = [];
    readonly ListCache lists = new();
    readonly HashSet<long> npis = [];
    readonly HashSet<string> tins = new(StringComparer.Ordinal);
    readonly SortedSet<string> networks = new(StringComparer.Ordinal);

    public int Count => byId.Count;

    public bool Seen { get; set; }

    public void Add(ProviderReference reference)
    {
        byId[reference.Id] = reference;
        if (reference.Summary is not null)
        {
            SetSummary(reference, reference.Summary.Value);
        }
    }

    /// <summary>
    /// Group ids are small dense integers in practice (1..N), so a rate's single reference is answered from an
    /// array slot: one memory access instead of a dictionary probe (this lookup runs once per rate).
    /// </summary>
    public void SetSummary(ProviderReference reference, ProviderSetSummary summary)
    {
        reference.Summary = summary;
        if ((ulong)reference.Id < DenseLimit)
        {
            if (reference.Id >= dense.Length)
            {
                Array.Resize(ref dense, (int)Math.Min(DenseLimit, Math.Max(reference.Id + 1, dense.Length * 2L)));
            }

            dense[reference.Id] = summary;
        }
    }

    public bool TryGet(long id, out ProviderReference reference) => byId.TryGetValue(id, out reference!);

    /// <summary>A list whose ids are all known and resolved: its summary without recomputing it.</summary>
    public bool TryGetResolved(ReadOnlySpan<long> ids, out ProviderSetSummary summary)
    {
        if (ids.Length == 0)
        {
            summary = ProviderSetSummary.Empty;
            return true;
        }

        if (ids.Length == 1)
        {
            var id = ids[0];
            if ((ulong)id < (ulong)dense.Length && dense[id] is { } d)
            {
                summary = d;
                return true;
            }

            if (byId.TryGetValue(id, out var one) && one.Summary is { } s)
            {
                summary = s;
                return true;
            }

            summary = default;
            return false;
        }

        return lists.TryGet(ids, Hash(ids), out summary);
    }

    /// <summary>The union of the given references (each already resolved) and an optional inline summary.</summary>
    public ProviderSetSummary Union(ReadOnlySpan<long> ids, InlineProviders? inline)
    {
        if (inline is null && ids.Length == 0)
        {
            return ProviderSetSummary.Empty;
        }

        if (inline is null && ids.Length == 1)
        {
            return byId[ids[0]].Summary!.Value;
        }

        var hash = Hash(ids);
        if (inline is null && lists.TryGet(ids, hash, out var cached))
        {
            return cached;
        }

        npis.Clear();
        tins.Clear();
        networks.Clear();
        // Element by element over the arrays: UnionWith takes an IEnumerable, two interface calls per NPI.
        foreach (var id in ids)
        {
            var r = byId[id];
            AddAll(npis, r.Npis);
            AddAll(tins, r.Tins);
            AddAll(networks, r.Networks);
        }

        if (inline is not null)
        {
            AddAll(npis, inline.Npis);
            AddAll(tins, inline.Tins);
        }

        var summary = new ProviderSetSummary(npis.Count, tins.Count, networks.Count == 0 ? null : string.Join('|', networks));
        if (inline is null)
        {
            lists.Add(ids, hash, summary);
        }

        return summary;
    }

    static void AddAll(HashSet<long> set, long[] values)
    {
        foreach (var v in values)
        {
            set.Add(v);
        }
    }

    static void AddAll(HashSet<string> set, string[] values)
    {
        foreach (var v in values)
        {
            set.Add(v);
        }
    }

    static void AddAll(SortedSet<string> set, string[] values)
    {
        foreach (var v in values)
        {
            set.Add(v);
        }
    }

    /// <summary>A 64-bit hash of an id list (a collision only costs a recomputation: hits are checked id by id).</summary>
    static ulong Hash(ReadOnlySpan<long> ids)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var id in ids)
        {
            h = (h ^ (ulong)id) * 0x100000001B3UL;
            h ^= h >> 29;
        }

        return h;
    }

    public static ProviderSetSummary Summarise(long[] npis, string[] tins, string[] networks) =>
        new(npis.Length, tins.Length, networks.Length == 0 ? null : string.Join('|', networks.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
}

/// <summary>
/// Summaries of multi-id lists by a 64-bit hash of the ids, with the length and the first and last id kept in the
/// slot: a hit touches one slot. Two lists would have to agree on all four to be confused (odds about 2^-64 per pair).
/// Bounded: the table starts small (a probe into 12 MB of slots misses the cache more often than into the few MB a
/// typical file needs) and doubles up to 2^18 slots; when full at that size it starts over.
/// </summary>
internal sealed class ListCache
{
    const int Capacity = 1 << 18;
    Slot[] slots = new Slot[1 << 12];
    int count;

    public bool TryGet(ReadOnlySpan<long> ids, ulong hash, out ProviderSetSummary summary)
    {
        var mask = slots.Length - 1;
        for (var i = (int)hash & mask; slots[i].Length != 0; i = (i + 1) & mask)
        {
            ref readonly var slot = ref slots[i];
            if (slot.Hash == hash && slot.Length == ids.Length && slot.First == ids[0] && slot.Last == ids[^1])
            {
                summary = slot.Summary;
                return true;
            }
        }

        summary = default;
        return false;
    }

    public void Add(ReadOnlySpan<long> ids, ulong hash, ProviderSetSummary summary)
    {
        if (count >= slots.Length / 2)
        {
            if (slots.Length < Capacity)
            {
                var old = slots;
                slots = new Slot[old.Length * 2];
                foreach (var slot in old)
                {
                    if (slot.Length != 0)
                    {
                        Insert(slot);
                    }
                }
            }
            else
            {
                Array.Clear(slots);
                count = 0;
            }
        }

        Insert(new Slot(hash, ids.Length, ids[0], ids[^1], summary));
        count++;
    }

    void Insert(Slot slot)
    {
        var mask = slots.Length - 1;
        var i = (int)slot.Hash & mask;
        while (slots[i].Length != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = slot;
    }

    /// <summary>A used slot has <see cref="Length"/> ≥ 2 (lists of 0 or 1 id are not cached here).</summary>
    readonly record struct Slot(ulong Hash, int Length, long First, long Last, ProviderSetSummary Summary);
}

/// <summary>Inline <c>provider_groups</c> (schema 1.x rates, provider-reference files), as distinct NPIs and TINs.</summary>
internal sealed class InlineProviders
{
    public long[] Npis { get; init; } = [];
    public string[] Tins { get; init; } = [];
    public required ProviderSetSummary Summary { get; init; }
}


