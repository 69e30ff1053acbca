using PayerAtlas.Importing;
using PayerAtlas.Sqlite;
using PayerAtlas.Store;

namespace PayerAtlas.Tests.Ncci;

/// <summary>
/// A store holding the real CMS 2025 October fee schedule (release 2025Q4) and, on top, the demo content pack, the
/// place-of-service code set and the NCCI fixtures (release 2025Q4-ncci): the fee-schedule rows the claim rules read
/// are CMS's own; only the NCCI edits and limits are the invented fixtures.
/// </summary>
public sealed class NcciReleaseFixture : IDisposable
{
    readonly TempDir dir = new();

    public NcciReleaseFixture()
    {
        Path = dir.File("atlas.db");
        Store = new SqliteStore(Path);
        Store.Migrate();
        var importer = new ReleaseImporter(Store);
        Cms = importer.Import([SharedData.Path("pfs", "rvu25d")]).Release;
        Report = importer.Import(
            [System.IO.Path.Combine(RepoPaths.DemoContent, "codes"), SharedData.Path("pos", "pos_codes_cms_v20240502.csv"), NcciFixtures.Folder],
            "2025Q4-ncci");
        Release = Report.Release;
    }

    public string Path { get; }
    public SqliteStore Store { get; }
    public ReleaseInfo Cms { get; }
    public ImportReport Report { get; }
    public ReleaseInfo Release { get; }

    public IReleaseReader OpenReader() => Store.OpenReader(Release);

    public void Dispose()
    {
        Store.Dispose();
        dir.Dispose();
    }
}

/// <summary>One NCCI release for every test class that reads it (importing the real fee schedule once).</summary>
[CollectionDefinition(nameof(NcciCollection))]
public sealed class NcciCollection : ICollectionFixture<NcciReleaseFixture>;
