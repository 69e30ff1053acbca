using PayerAtlas.Importing;
using PayerAtlas.Store;
using PayerAtlas.Tests.Ncci;

namespace PayerAtlas.Tests.Store;

/// <summary>
/// One database per backend holding three releases built from real files: the CMS 2025 October folder (2025Q4); on top
/// the demo content pack's editorial files, the real HCPCS 2020 ZIP and the POS code set (2025Q4-content); on top of
/// that the NCCI fixtures (2025Q4-ncci, current). Every dataset is carried forward into the later releases.
/// </summary>
public sealed class ContractReleases<TBackend> : IDisposable
    where TBackend : StoreBackend, new()
{
    public ContractReleases()
    {
        Backend = new TBackend();
        Database = Backend.CreateDatabase("contract");
        Store = Backend.Open(Database);
        Store.Migrate();
        var importer = new ReleaseImporter(Store);
        Cms = importer.Import([SharedData.Path("pfs", "rvu25d")]).Release;
        Full = importer.Import(
            [Path.Combine(RepoPaths.DemoContent, "codes"), SharedData.Path("hcpcs", "2020", "2020-Alpha-Numeric-HCPCS-File.zip"), SharedData.Path("pos", "cs-CMS-PlaceofServiceCodes.xml")],
            "2025Q4-content").Release;
        NcciReport = importer.Import([NcciFixtures.Folder], "2025Q4-ncci");
        Ncci = NcciReport.Release;
    }

    public TBackend Backend { get; }

    /// <summary>The file path or connection string of the shared database.</summary>
    public string Database { get; }

    public IPayerAtlasStore Store { get; }
    public ReleaseInfo Cms { get; }
    public ReleaseInfo Full { get; }
    public ReleaseInfo Ncci { get; }
    public ImportReport NcciReport { get; }

    public void Dispose()
    {
        Store.Dispose();
        Backend.Dispose();
    }
}

/// <summary>The base of every contract test class: the shared releases, and fresh empty stores for tests that write.</summary>
public abstract class StoreContract<TBackend>(ContractReleases<TBackend> releases) : IDisposable
    where TBackend : StoreBackend, new()
{
    readonly List<IDisposable> owned = [];
    readonly Dictionary<IPayerAtlasStore, string> databases = [];

    protected ContractReleases<TBackend> Releases => releases;

    protected IPayerAtlasStore Store => releases.Store;

    protected TempDir Dir { get; } = new();

    /// <summary>A new, empty, migrated store in its own database, disposed with the test.</summary>
    protected IPayerAtlasStore NewStore(string hint = "test")
    {
        var database = releases.Backend.CreateDatabase(hint);
        var store = releases.Backend.Open(database);
        store.Migrate();
        owned.Add(store);
        databases[store] = database;
        return store;
    }

    /// <summary>A second store over the database of <paramref name="store"/> (another process, as far as the store knows).</summary>
    protected IPayerAtlasStore Reopen(IPayerAtlasStore store)
    {
        var again = releases.Backend.Open(databases[store]);
        owned.Add(again);
        return again;
    }

    public void Dispose()
    {
        foreach (var d in owned)
        {
            d.Dispose();
        }

        Dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
