using PayerAtlas.Rates;

namespace PayerAtlas.Lake;

/// <summary>
/// The lake's benchmarks held in memory: the first question for a day (as-of date, expired rates in or out) runs
/// <see cref="LakeBenchmarks.ForAllCodes"/> once, and later questions for any code are dictionary look-ups. The
/// manifest (<c>_sources/</c>: one entry per ingested file, written last by an ingest) is the lake's state; when it
/// changes — a new source landed — the figures are computed again. The manifest is looked at no more often than
/// <see cref="CheckEvery"/>. Questions naming a payer or a state go to DuckDB directly.
/// </summary>
public sealed class CachedLakeBenchmarks : IRateBenchmarks, IDisposable
{
    readonly LakeBenchmarks lake;
    readonly string sources;
    readonly Lock gate = new();
    Dictionary<(DateOnly AsOf, bool Expired), IReadOnlyDictionary<string, IReadOnlyList<RateBenchmark>>> computed = [];
    IReadOnlyDictionary<string, IReadOnlyList<HospitalCharge>>? hospitalCharges;
    string stamp;
    long checkedAt;

    public CachedLakeBenchmarks(string lakeRoot)
    {
        Root = Path.GetFullPath(lakeRoot);
        lake = new LakeBenchmarks(Root);
        sources = Path.Combine(Root, LakeLayout.SourcesFolder);
        stamp = Stamp();
        checkedAt = Environment.TickCount64;
    }

    public string Root { get; }

    /// <summary>
    /// Why <paramref name="lakeRoot"/> cannot serve benchmarks (it does not exist, is not a folder, or holds no ingested
    /// source and no partition), or null when it can. A lake named explicitly and found empty is an error, not a gap.
    /// </summary>
    public static string? Problem(string lakeRoot)
    {
        var root = Path.GetFullPath(lakeRoot);
        if (File.Exists(root))
        {
            return $"rate lake {root} is a file, not a lake folder";
        }

        if (!Directory.Exists(root))
        {
            return $"rate lake {root} does not exist: run `payeratlas rates ingest <files> --lake {lakeRoot}` first";
        }

        var sources = Path.Combine(root, LakeLayout.SourcesFolder);
        var hasSources = Directory.Exists(sources) && Directory.EnumerateFiles(sources, "*.json").Any();
        var hasParts = Directory.EnumerateDirectories(root, "payer=*").Any();
        return hasSources && hasParts ? null : $"rate lake {root} is empty (no ingested source in {LakeLayout.SourcesFolder}/ and partitions): run `payeratlas rates ingest <files> --lake {lakeRoot}` first";
    }

    /// <summary>How often the manifest is compared with the one the figures were computed from.</summary>
    public TimeSpan CheckEvery { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Bumped whenever the figures are dropped because the lake changed (pages built from them are stale).</summary>
    public long Generation { get; private set; }

    /// <summary>The sources the lake holds (manifest entries).</summary>
    public int SourceCount => Directory.Exists(sources) ? Directory.EnumerateFiles(sources, "*.json").Count() : 0;

    public IReadOnlyList<RateBenchmark> For(RateBenchmarkQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Payer is not null || query.State is not null)
        {
            return lake.For(query);
        }

        var code = query.BillingCode.Trim().ToUpperInvariant();
        var key = (query.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow), query.IncludeExpired);
        lock (gate)
        {
            Check();
            if (!computed.TryGetValue(key, out var all))
            {
                all = lake.ForAllCodes(key.Item1, key.IncludeExpired);
                computed[key] = all;
            }

            return all.GetValueOrDefault(code) ?? [];
        }
    }

    public IReadOnlyList<HospitalCharge> HospitalCharges(string billingCode)
    {
        lock (gate)
        {
            Check();
            hospitalCharges ??= lake.HospitalChargesForAllCodes();
            return hospitalCharges.GetValueOrDefault(billingCode.Trim().ToUpperInvariant()) ?? [];
        }
    }

    /// <summary>Drops the figures when the manifest changed since they were computed; true when it did.</summary>
    public bool Check()
    {
        lock (gate)
        {
            var now = Environment.TickCount64;
            if (now - checkedAt < (long)CheckEvery.TotalMilliseconds)
            {
                return false;
            }

            checkedAt = now;
            var current = Stamp();
            if (string.Equals(current, stamp, StringComparison.Ordinal))
            {
                return false;
            }

            stamp = current;
            computed = [];
            hospitalCharges = null;
            Generation++;
            return true;
        }
    }

    /// <summary>The manifest's entries (names, lengths, write times): an ingest adds or rewrites one.</summary>
    string Stamp()
    {
        if (!Directory.Exists(sources))
        {
            return "";
        }

        return string.Join('|', new DirectoryInfo(sources).EnumerateFiles("*.json")
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
    }

    public void Dispose() => lake.Dispose();
}
