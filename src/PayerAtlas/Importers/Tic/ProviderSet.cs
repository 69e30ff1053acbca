namespace PayerAtlas.Importers.Tic;

/// <summary>What an observation keeps of the providers a rate applies to: distinct NPI and TIN counts and the networks.</summary>
internal sealed record ProviderSetSummary(int NpiCount, int TinCount, string? Network)
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
    const int MaxCachedLists = 1 << 16;
    readonly Dictionary<long, ProviderReference> byId = [];
    readonly Dictionary<long[], ProviderSetSummary> lists = new(IdListComparer.Instance);
    readonly HashSet<long> npis = [];
    readonly HashSet<string> tins = new(StringComparer.Ordinal);
    readonly SortedSet<string> networks = new(StringComparer.Ordinal);

    public int Count => byId.Count;

    public bool Seen { get; set; }

    public void Add(ProviderReference reference) => byId[reference.Id] = reference;

    public bool TryGet(long id, out ProviderReference reference) => byId.TryGetValue(id, out reference!);

    /// <summary>The union of the given references (each already resolved) and an optional inline summary.</summary>
    public ProviderSetSummary Union(ReadOnlySpan<long> ids, InlineProviders? inline)
    {
        if (inline is null && ids.Length == 0)
        {
            return ProviderSetSummary.Empty;
        }

        if (inline is null && ids.Length == 1)
        {
            return byId[ids[0]].Summary!;
        }

        var lookup = lists.GetAlternateLookup<ReadOnlySpan<long>>();
        if (inline is null && lookup.TryGetValue(ids, out var cached))
        {
            return cached;
        }

        npis.Clear();
        tins.Clear();
        networks.Clear();
        foreach (var id in ids)
        {
            var r = byId[id];
            npis.UnionWith(r.Npis);
            tins.UnionWith(r.Tins);
            networks.UnionWith(r.Networks);
        }

        if (inline is not null)
        {
            npis.UnionWith(inline.Npis);
            tins.UnionWith(inline.Tins);
        }

        var summary = new ProviderSetSummary(npis.Count, tins.Count, networks.Count == 0 ? null : string.Join('|', networks));
        if (inline is null)
        {
            if (lists.Count >= MaxCachedLists)
            {
                lists.Clear();
            }

            lists[ids.ToArray()] = summary;
        }

        return summary;
    }

    public static ProviderSetSummary Summarise(long[] npis, string[] tins, string[] networks) =>
        new(npis.Length, tins.Length, networks.Length == 0 ? null : string.Join('|', networks.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
}

/// <summary>Id lists compared by content; looked up from a span so a cache hit allocates nothing.</summary>
internal sealed class IdListComparer : IEqualityComparer<long[]>, IAlternateEqualityComparer<ReadOnlySpan<long>, long[]>
{
    public static readonly IdListComparer Instance = new();

    public bool Equals(long[]? x, long[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(long[] obj) => GetHashCode((ReadOnlySpan<long>)obj);

    public bool Equals(ReadOnlySpan<long> alternate, long[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<long> alternate)
    {
        var h = new HashCode();
        foreach (var id in alternate)
        {
            h.Add(id);
        }

        return h.ToHashCode();
    }

    public long[] Create(ReadOnlySpan<long> alternate) => alternate.ToArray();
}

/// <summary>Inline <c>provider_groups</c> (schema 1.x rates, provider-reference files), as distinct NPIs and TINs.</summary>
internal sealed class InlineProviders
{
    public long[] Npis { get; init; } = [];
    public string[] Tins { get; init; } = [];
    public required ProviderSetSummary Summary { get; init; }
}

/// <summary>A rate's <c>provider_references</c> id list, resolved; cached by the list's raw bytes.</summary>
internal sealed record ReferenceList(long[] Ids, ProviderSetSummary Summary);
