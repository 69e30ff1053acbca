using PayerAtlas.Importers.Policies;
using PayerAtlas.Importing;
using PayerAtlas.Pdf;
using PayerAtlas.Sqlite;
using PayerAtlas.Store;

namespace PayerAtlas.Tests.Safety.Fuzz;

/// <summary>
/// A real SQLite store holding a known release; every fuzz input is imported into it as a new release. After each
/// rejected import the store must be exactly as before: same releases, same current one; <see cref="AssertBaseIntact"/>
/// digests the base release (every reader method, every code) at the end of a run.
/// </summary>
public sealed class FuzzStore : IDisposable
{
    readonly TempDir dir = new();
    readonly SqliteStore store;
    readonly ReleaseDigest baseDigest;
    int imports;

    public FuzzStore()
    {
        store = new SqliteStore(dir.File("fuzz.db"));
        store.Migrate();
        new ReleaseImporter(store).Import(
            [Path.Combine(RepoPaths.DemoContent, "pfs"), Path.Combine(RepoPaths.DemoContent, "codes", "77054.md"),
                Path.Combine(RepoPaths.DemoContent, "policies", "aetna"), RepoPaths.Fixture("ncci", "ccipra-v321r0-f1.txt")],
            "base");
        baseDigest = ReleaseDigest.Of(store, store.FindRelease("base")!);
    }

    public string InputDir => dir.Path;

    /// <summary>Imports the files as a new release through the real importer; a rejection must leave no trace.</summary>
    public void Import(IReadOnlyList<string> paths, PolicyDocumentOptions? documents = null)
    {
        var before = store.ListReleases();
        var label = $"fuzz-{++imports}";
        try
        {
            new ReleaseImporter(store, pdf: new PdfPigTextReader()).Import(paths, label, documents);
        }
        catch (ImportException)
        {
            var after = store.ListReleases();
            if (!after.Select(r => (r.Label, r.IsCurrent)).SequenceEqual(before.Select(r => (r.Label, r.IsCurrent))))
            {
                throw new FuzzFinding("a rejected import changed the releases: "
                    + $"{string.Join(",", before.Select(r => r.Label))} became {string.Join(",", after.Select(r => r.Label))}");
            }

            throw;
        }
    }

    public IReleaseReader OpenBase() => store.OpenReader(store.FindRelease("base")!);

    public void AssertBaseIntact()
    {
        var now = ReleaseDigest.Of(store, store.FindRelease("base")!);
        if (!now.SameAs(baseDigest))
        {
            throw new FuzzFinding($"the base release reads back differently after the run: {string.Join(", ", now.Differences(baseDigest))}");
        }
    }

    public void Dispose()
    {
        store.Dispose();
        dir.Dispose();
    }
}

/// <summary>A broken promise the fuzz harness found itself (not an exception of the importer).</summary>
public sealed class FuzzFinding(string message) : Exception(message);
