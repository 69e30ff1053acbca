using PayerAtlas.Importers.Policies;
using PayerAtlas.Importing;
using PayerAtlas.Sqlite;
using PayerAtlas.Store;

namespace PayerAtlas.Tests.Publishing;

/// <summary>
/// The whole demo content pack (fee-schedule subset, editorial pages, policy pack) as release "demo", and on top of
/// it release "docs", which adds a made-up payer's HTML policy page and the two versions of a made-up policy.
/// </summary>
public sealed class DemoPolicyFixture : IDisposable
{
    readonly TempDir dir = new();

    public DemoPolicyFixture()
    {
        Store = new SqliteStore(dir.File("atlas.db"));
        Store.Migrate();
        var importer = new ReleaseImporter(Store);
        Demo = importer.Import([RepoPaths.DemoContent], "demo").Release;
        importer.Import([RepoPaths.Fixture("Policies", "example-v1.yaml"), RepoPaths.Fixture("Policies", "example-v2.yaml")], "examples");
        Docs = importer.Import([RepoPaths.Fixture("Policies", "breast-policy.html")], "docs", new PolicyDocumentOptions { Payer = "Example Health Plan" }).Release;
    }

    public SqliteStore Store { get; }
    public ReleaseInfo Demo { get; }
    public ReleaseInfo Docs { get; }

    public void Dispose()
    {
        Store.Dispose();
        dir.Dispose();
    }
}
