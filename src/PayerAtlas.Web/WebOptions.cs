namespace PayerAtlas.Web;

/// <summary>
/// Settings of the web host, bound from the "PayerAtlas" configuration section: appsettings.json, a file named by
/// --config, the environment (PAYERATLAS_DB, PAYERATLAS_URLS, PAYERATLAS_ADMIN_TOKEN, PAYERATLAS_RELEASE, or any key as
/// PayerAtlas__Key), then the command line (--PayerAtlas:Db=…), each overriding the one before.
/// </summary>
public sealed record WebOptions
{
    public const string Section = "PayerAtlas";

    /// <summary>SQLite database file, or a PostgreSQL connection string (postgres://user:pass@host:port/db or Host=…;Database=…).</summary>
    public string Db { get; init; } = Path.Combine(".payeratlas", "demo.db");

    /// <summary>
    /// Rate lake folder (from `payeratlas rates ingest`): code pages show its commercial benchmarks, computed once per
    /// lake state and recomputed when a new source lands. Unset: no commercial rates (the gap is stated).
    /// </summary>
    public string? Lake { get; init; }

    /// <summary>Serve this release label as the current one instead of following the store's current release.</summary>
    public string? Release { get; init; }

    /// <summary>Where Kestrel listens when the CLI hosts the site (ignored under a test server).</summary>
    public string? Urls { get; init; }

    /// <summary>Enables the admin import endpoint, which then requires "Authorization: Bearer &lt;token&gt;". Unset: no admin surface at all.</summary>
    public string? AdminToken { get; init; }

    /// <summary>How often the current release is re-read from the store, so an import elsewhere shows up.</summary>
    public TimeSpan ReleasePoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the rendered-page cache, in bytes.</summary>
    public long CacheBytes { get; init; } = 256L << 20;

    /// <summary>max-age for responses that follow the current release (pinned ?release= responses are immutable).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Run Kestrel's request handlers on the socket event thread instead of queueing them to the thread pool (fewer
    /// thread hops on a small machine). Safe here because pages are served from memory; a cache miss renders one page
    /// synchronously on that thread. See <see cref="Infrastructure.KestrelTuning"/>.
    /// </summary>
    public bool InlineScheduling { get; init; } = true;

    /// <summary>
    /// Run socket completions on the event thread too (sets DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 before Kestrel
    /// opens its sockets, unless the environment already sets it). Kestrel recommends it together with <see cref="InlineScheduling"/>.
    /// </summary>
    public bool InlineCompletions { get; init; } = true;

    /// <summary>
    /// Socket event threads (sets DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT unless the environment already does); null:
    /// the runtime's choice, one per core when completions run inline.
    /// </summary>
    public int? SocketThreads { get; init; }

    /// <summary>Largest upload the admin import accepts, in bytes.</summary>
    public long MaxImportBytes { get; init; } = 512L << 20;

    /// <summary>Log one line per request (method, path, status, duration) at Information.</summary>
    public bool RequestLog { get; init; } = true;

    /// <summary>Console log format: "json" (one JSON object per line) or "simple"; default json when output is not a terminal.</summary>
    public string? LogFormat { get; init; }

    /// <summary>How long a stop (SIGTERM, Ctrl+C) waits for in-flight requests to finish.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
