using PayerAtlas.Importing;
using PayerAtlas.Sqlite;
using PayerAtlas.Store;

namespace PayerAtlas.Tests.Store;

/// <summary>
/// One SQLite database holding the real CMS 2025 October files (release 2025Q4), and on top of it a second
/// release that adds the demo content pack's editorial files, the real HCPCS 2020 file and the POS code set.
/// </summary>
public sealed class ReleaseFixture : IDisposable
{
    readonly TempDir dir = new();

    public ReleaseFixture()
    {
        Store = new SqliteStore(dir.File("atlas.db"));
        Store.Migrate();
        var importer = new ReleaseImporter(Store);
        Cms = importer.Import([SharedData.Path("pfs", "rvu25d")]).Release;
        Full = importer.Import(
            [Path.Combine(RepoPaths.DemoContent, "codes"), SharedData.Path("hcpcs", "2020", "2020-Alpha-Numeric-HCPCS-File.zip"), SharedData.Path("pos", "cs-CMS-PlaceofServiceCodes.xml")],
            "2025Q4-content").Release;
    }

    public SqliteStore Store { get; }
    public ReleaseInfo Cms { get; }
    public ReleaseInfo Full { get; }

    public void Dispose()
    {
        Store.Dispose();
        dir.Dispose();
    }
}
