using PayerAtlas.Sqlite;
using PayerAtlas.Store;

namespace PayerAtlas.Cli;

/// <summary>Opens the store named by --db: a SQLite file path (PostgreSQL connection strings arrive with that adapter).</summary>
public static class StoreFactory
{
    public static IPayerAtlasStore Open(string db)
    {
        if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || db.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("PostgreSQL is not available in this build yet; use a SQLite file path for --db");
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(db));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        var store = new SqliteStore(db);
        store.Migrate();
        return store;
    }
}
