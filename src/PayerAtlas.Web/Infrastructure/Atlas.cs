using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PayerAtlas.Dossiers;
using PayerAtlas.Importing;
using PayerAtlas.Publishing;
using PayerAtlas.Publishing.Model;
using PayerAtlas.Store;

namespace PayerAtlas.Web.Infrastructure;

/// <summary>
/// The store as the web host sees it: the releases, pooled readers per release, and publications built once per
/// release and code. A timer polls the store's current release every <see cref="WebOptions.ReleasePoll"/>; when an
/// import elsewhere (CLI, admin API, another host) commits a new one, the release list is re-read and swapped in with
/// one reference assignment, so a request sees either the old release or the new one, never a mix. Pages are cached
/// per release id, so the switch needs no invalidation; the old release stays readable by label. Requests never wait
/// for the poll. The store's own connection is not thread-safe, so every call to it is serialized here.
/// </summary>
public sealed partial class Atlas : IDisposable
{
    readonly WebOptions options;
    readonly Lock gate = new();
    readonly ConcurrentDictionary<long, ConcurrentBag<IReleaseReader>> readers = new();
    readonly PageCache cache;
    readonly ILogger<Atlas> logger;
    readonly SemaphoreSlim imports = new(1, 1);
    IPayerAtlasStore? store;
    volatile Snapshot? snapshot;
    Timer? poll;
    int polling;

    /// <param name="rates">Commercial rate benchmarks (optional: without them pages state the gap, as before).</param>
    public Atlas(IOptions<WebOptions> options, PageCache cache, ILogger<Atlas>? logger = null, Rates.IRateBenchmarks? rates = null)
    {
        this.options = options.Value;
        this.cache = cache;
        this.logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<Atlas>.Instance;
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

    /// <param name="StoreCurrentId">The store's own current release (differs from Current when a release is pinned).</param>
    sealed record Snapshot(IReadOnlyList<ReleaseInfo> All, ReleaseInfo? Current, Dictionary<string, ReleaseInfo> ByLabel, long? StoreCurrentId);

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

    /// <summary>Re-reads the releases now (after an import through this host), instead of at the next poll.</summary>
    public void Refresh() => Load();

    /// <summary>When the last poll failed, why (the site keeps serving the releases it already knows).</summary>
    public string? PollError { get; private set; }

    Snapshot Fresh() => snapshot ?? Load();

    Snapshot Load()
    {
        lock (gate)
        {
            var all = Store.ListReleases();
            var byLabel = all.ToDictionary(r => r.Label, StringComparer.Ordinal);
            var storeCurrent = all.FirstOrDefault(r => r.IsCurrent);
            var current = options.Release is { } pinned
                ? byLabel.GetValueOrDefault(pinned) ?? throw new InvalidOperationException($"release '{pinned}' is not in {Stores.StoreFactory.Describe(options.Db)}")
                : storeCurrent;
            var next = new Snapshot(all, current, byLabel, storeCurrent?.Id);
            var previous = snapshot;
            snapshot = next; // the switch: one reference assignment
            if (previous is not null && previous.Current?.Id != current?.Id)
            {
                LogSwitched(logger, previous.Current?.Label ?? "(none)", current?.Label ?? "(none)");
            }

            poll ??= new Timer(_ => Poll(), null, options.ReleasePoll, options.ReleasePoll);
            return next;
        }
    }

    /// <summary>The cheap check: only the current release is read; the list is re-read when it changed.</summary>
    void Poll()
    {
        if (Interlocked.Exchange(ref polling, 1) == 1)
        {
            return;
        }

        try
        {
            long? currentId;
            lock (gate)
            {
                currentId = Store.FindRelease()?.Id;
            }

            if (currentId != snapshot?.StoreCurrentId)
            {
                Load();
            }

            if (Rates is Lake.CachedLakeBenchmarks lake && lake.Check())
            {
                cache.Clear(); // pages and publications built from the old figures
                LogLakeChanged(logger, lake.Root, lake.SourceCount);
            }

            PollError = null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (PollError is null)
            {
                LogPollFailed(logger, e, e.Message);
            }

            PollError = e.Message;
        }
        finally
        {
            Volatile.Write(ref polling, 0);
        }
    }

    /// <summary>Checks the store is reachable now; the current release it reports (null when it has none).</summary>
    public ReleaseInfo? CheckStore()
    {
        lock (gate)
        {
            return Store.FindRelease(options.Release);
        }
    }

    /// <summary>
    /// Imports files as a new release through a store of its own, so requests keep being served from the current
    /// release meanwhile; then switches to the new release at once. One import at a time.
    /// </summary>
    public async Task<ImportReport> ImportAsync(IReadOnlyList<string> paths, string? label, CancellationToken cancellation)
    {
        await imports.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var report = await Task.Run(() =>
            {
                using var own = Stores.StoreFactory.Open(options.Db, create: false);
                return new ReleaseImporter(own).Import(paths, label);
            }, cancellation).ConfigureAwait(false);
            LogImported(logger, report.Release.Label, report.Rows, report.Elapsed.TotalSeconds);
            Refresh();
            return report;
        }
        finally
        {
            imports.Release();
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

    static IPayerAtlasStore Open(string db) => Stores.StoreFactory.Open(db, create: false);

    [LoggerMessage(Level = LogLevel.Information, Message = "current release switched from {Previous} to {Current}")]
    static partial void LogSwitched(ILogger logger, string previous, string current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the store could not be polled for new releases: {Reason}; serving the releases already known")]
    static partial void LogPollFailed(ILogger logger, Exception e, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "rate lake {Lake} changed ({Sources} sources): commercial benchmarks and cached pages dropped")]
    static partial void LogLakeChanged(ILogger logger, string lake, int sources);

    [LoggerMessage(Level = LogLevel.Information, Message = "imported release {Release}: {Rows} rows in {Seconds:0.00} s")]
    static partial void LogImported(ILogger logger, string release, long rows, double seconds);

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
        poll?.Dispose();
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
