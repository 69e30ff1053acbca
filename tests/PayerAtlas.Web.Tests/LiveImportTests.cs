using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using PayerAtlas.Importing;
using PayerAtlas.Stores;
using PayerAtlas.Tests;

namespace PayerAtlas.Web.Tests;

/// <summary>
/// Imports while the site is live: readers keep getting the current release during the import, the site switches to
/// the new release once it is committed (never back), and the old release stays readable by label — on both stores.
/// </summary>
public abstract class LiveImportContract : IDisposable
{
    readonly TempDir dir = new();

    /// <summary>A database holding the demo content pack as its only release.</summary>
    protected abstract string CreateDatabase();

    protected TempDir Dir => dir;

    public void Dispose()
    {
        Cleanup();
        dir.Dispose();
        GC.SuppressFinalize(this);
    }

    protected virtual void Cleanup()
    {
    }

    protected static string ImportDemo(string db)
    {
        using var store = StoreFactory.Open(db);
        return new ReleaseImporter(store).Import([RepoPaths.DemoContent]).Release.Label;
    }

    [Fact]
    public async Task A_release_imported_while_serving_switches_the_site_without_a_failed_request()
    {
        var db = CreateDatabase();
        string old;
        using (var store = StoreFactory.Open(db))
        {
            old = store.FindRelease()!.Label;
        }

        using var factory = new SiteFactory(db);
        using var client = factory.Client();
        Assert.Equal(old, await ReleaseOf(client, "/codes/77054"));

        var seen = new ConcurrentQueue<(long At, string Path, HttpStatusCode Status, string? Release)>();
        using var stop = new CancellationTokenSource();
        var paths = new[] { "/codes/77054", "/api/v1/publications/77054", "/api/v1/codes?q=mammary", "/api/v1/prices/77054?national=true" };
        var readers = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var path = paths[i % paths.Length];
                using var response = await client.GetAsync(path);
                seen.Enqueue((Stopwatch.GetTimestamp(), path, response.StatusCode, Header(response)));
            }
        })).ToList();

        await Task.Delay(200);
        var importStarted = Stopwatch.GetTimestamp();
        // Holds the import at its first progress report (its transaction open, rows written) until a reader has been
        // served after that point: "served during the import" then holds however the machine schedules the threads.
        var midImport = new MidImport(() => seen.Any(s => s.At > importStarted && s.Release == old));
        var imported = await Task.Run(() =>
        {
            using var store = StoreFactory.Open(db);
            return new ReleaseImporter(store, midImport)
                .Import([SharedData.Pfs("PPRRVU2025_Oct.csv"), SharedData.Pfs("GPCI2025.csv")], "live-2").Release.Label;
        });
        var importEnded = Stopwatch.GetTimestamp();

        var switched = Stopwatch.StartNew();
        while (await ReleaseOf(client, "/codes/77054") != imported && switched.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(20);
        }

        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        var all = seen.ToList();
        Assert.All(all, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.Contains(all, s => s.At > importStarted && s.At < importEnded && s.Release == old); // served during the import
        Assert.Equal(imported, await ReleaseOf(client, "/codes/77054"));
        // Per path, once the new release is served the old one never comes back.
        foreach (var path in paths)
        {
            var labels = all.Where(s => s.Path == path).OrderBy(s => s.At).Select(s => s.Release).ToList();
            var first = labels.IndexOf(imported);
            Assert.True(first >= 0, $"{path} never served {imported}");
            Assert.All(labels.Skip(first), l => Assert.Equal(imported, l));
        }

        // The old release is still there by label, and health reports the new one.
        using var pinned = await client.GetAsync($"/api/v1/publications/77054?release={old}");
        Assert.Equal((HttpStatusCode.OK, old), (pinned.StatusCode, Header(pinned)));
        Assert.Contains($"\"release\":\"{imported}\"", await client.GetStringAsync("/health"), StringComparison.Ordinal);
    }

    /// <summary>Blocks the importing thread at its first progress report until <c>served</c> holds (10 s at most).</summary>
    sealed class MidImport(Func<bool> served) : IProgress<ImportProgress>
    {
        int held;

        public void Report(ImportProgress value)
        {
            if (Interlocked.Exchange(ref held, 1) == 1)
            {
                return;
            }

            var waited = Stopwatch.StartNew();
            while (!served() && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(10);
            }
        }
    }

    static string? Header(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-PayerAtlas-Release", out var v) ? v.Single() : null;

    static async Task<string?> ReleaseOf(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Header(response);
    }
}

public sealed class SqliteLiveImportTests : LiveImportContract
{
    protected override string CreateDatabase()
    {
        var db = Dir.File("live.db");
        ImportDemo(db);
        return db;
    }
}

public sealed class PostgresLiveImportTests : LiveImportContract
{
    string? db;

    protected override string CreateDatabase()
    {
        db = TestPostgres.CreateDatabase("live");
        ImportDemo(db);
        return db;
    }

    protected override void Cleanup()
    {
        if (db is not null)
        {
            TestPostgres.DropDatabase(db);
        }
    }
}
