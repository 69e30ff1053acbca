using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using PayerAtlas.Dossiers;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Sqlite;
using PayerAtlas.Store;

namespace PayerAtlas.Web.Infrastructure;

/// <summary>
/// The store as the web host sees it: the releases (re-read every <see cref="WebOptions.ReleasePoll"/>, so an
/// import shows up without a restart), pooled readers per release, and publications built once per release and
/// code. The store's own connection is not thread-safe, so every call to it is serialized here.
/// </summary>
public sealed class Atlas : IDisposable
{
    readonly WebOptions options;
    readonly Lock gate = new();
    readonly ConcurrentDictionary<long, ConcurrentBag<IReleaseReader>> readers = new();
    readonly PageCache cache;
    IPayerAtlasStore? store;
    Snapshot snapshot = new([], null, new Dictionary<string, ReleaseInfo>(StringComparer.Ordinal));
    long refreshedAt = -1;

    /// <param name="rates">Commercial rate benchmarks (optional: without them pages state the gap, as before).</param>
    public Atlas(IOptions<WebOptions> options, PageCache cache, Rates.IRateBenchmarks? rates = null)
    {
        this.options = options.Value;
        this.cache = cache;
        Rates = rates;
        var builder = PublicationBuilder.Default();
        builder.Rates = rates;
        KeyPayers = builder.Options.KeyPayers;
        Pipeline = builder.Build();
        var withLocalities = PublicationBuilder.Default();
        withLocalities.Options = withLocalities.Options with { LocalityTable = true };
        withLocalities.Rates = rates;
        LocalityPipeline = withLocalities.Build();
    }

    sealed record Snapshot(IReadOnlyList<ReleaseInfo> All, ReleaseInfo? Current, Dictionary<string, ReleaseInfo> ByLabel);

    public PublicationPipeline Pipeline { get; }

    /// <summary>The rate benchmarks the pages use, or null.</summary>
    public Rates.IRateBenchmarks? Rates { get; }

    /// <summary>The payers every publication reports on.</summary>
    public IReadOnlyList<string> KeyPayers { get; }

    /// <summary>Also states every locality's amount as a fact: the source of the locality picker's figures.</summary>
    public PublicationPipeline LocalityPipeline { get; }

    /// <summary>The payer policies of a release (newest version of each, and updates), read once per release.</summary>
    public Catalog.PolicyCatalog Policies(ReleaseInfo release) =>
        cache.GetOrCreate(new CacheKey(release.Id, "policies", ""), 1_000_000, () =>
        {
            using var lease = Read(release);
            return Catalog.PolicyCatalog.Read(lease.Reader);
        })!;

    public IReadOnlyList<ReleaseInfo> Releases => Fresh().All;

    /// <summary>The release served by default: the pinned one, else the store's current release.</summary>
    public ReleaseInfo? Current => Fresh().Current;

    public ReleaseInfo? Find(string label) => Fresh().ByLabel.GetValueOrDefault(label);

    /// <summary>Forgets the release list so the next request sees an import made a moment ago.</summary>
    public void Refresh() => Interlocked.Exchange(ref refreshedAt, -1);

    Snapshot Fresh()
    {
        var last = Interlocked.Read(ref refreshedAt);
        if (last >= 0 && Stopwatch.GetElapsedTime(last) < options.ReleasePoll)
        {
            return snapshot;
        }

        lock (gate)
        {
            if (Interlocked.Read(ref refreshedAt) == last)
            {
                var all = Store.ListReleases();
                var byLabel = all.ToDictionary(r => r.Label, StringComparer.Ordinal);
                var current = options.Release is { } pinned
                    ? byLabel.GetValueOrDefault(pinned) ?? throw new InvalidOperationException($"release '{pinned}' is not in {options.Db}")
                    : all.FirstOrDefault(r => r.IsCurrent);
                snapshot = new Snapshot(all, current, byLabel);
                Interlocked.Exchange(ref refreshedAt, Stopwatch.GetTimestamp());
            }

            return snapshot;
        }
    }

    /// <summary>Runs <paramref name="action"/> on the store itself (imports), serialized with every other store call.</summary>
    public T WithStore<T>(Func<IPayerAtlasStore, T> action)
    {
        lock (gate)
        {
            return action(Store);
        }
    }

    IPayerAtlasStore Store
    {
        get
        {
            if (store is null)
            {
                store = Open(options.Db);
            }

            return store;
        }
    }

    static IPayerAtlasStore Open(string db)
    {
        if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || db.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("PostgreSQL is not available in this build yet; use a SQLite file path for the database");
        }

        if (!File.Exists(db))
        {
            throw new FileNotFoundException($"database {Path.GetFullPath(db)} does not exist: import a release first (payeratlas import … --db {db})", db);
        }

        var s = new SqliteStore(db);
        s.Migrate();
        return s;
    }

    /// <summary>A pooled reader of one release; dispose the lease to return it.</summary>
    public ReaderLease Read(ReleaseInfo release)
    {
        var pool = readers.GetOrAdd(release.Id, _ => []);
        if (!pool.TryTake(out var reader))
        {
            lock (gate)
            {
                reader = Store.OpenReader(release);
            }
        }

        return new ReaderLease(reader, pool);
    }

    /// <summary>The publication of a code, built once per release; null when the release does not know the code.</summary>
    public Publication? Publication(ReleaseInfo release, string code, bool localities = false) =>
        cache.GetOrCreate(new CacheKey(release.Id, localities ? "publication+localities" : "publication", code), localities ? 400_000 : 48_000, () =>
        {
            using var lease = Read(release);
            var dossier = DossierBuilder.Build(lease.Reader, code);
            return dossier is null ? null : (localities ? LocalityPipeline : Pipeline).Publish(dossier);
        });

    public void Dispose()
    {
        foreach (var pool in readers.Values)
        {
            while (pool.TryTake(out var r))
            {
                r.Dispose();
            }
        }

        store?.Dispose();
    }
}

/// <summary>A reader borrowed from the pool.</summary>
public readonly struct ReaderLease(IReleaseReader reader, ConcurrentBag<IReleaseReader> pool) : IDisposable
{
    public IReleaseReader Reader => reader;

    public void Dispose() => pool.Add(reader);
}
