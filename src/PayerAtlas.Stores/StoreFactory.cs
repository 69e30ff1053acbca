using System.Data.Common;
using PayerAtlas.Postgres;
using PayerAtlas.Sqlite;
using PayerAtlas.Store;

namespace PayerAtlas.Stores;

/// <summary>
/// Opens the store a database string names, for the CLI and the web host alike: a PostgreSQL connection string
/// (postgres://user:password@host:port/db, or Npgsql keywords Host=…;Database=…) opens the PostgreSQL store; anything
/// else is a SQLite file. The schema is migrated on open.
/// </summary>
public static class StoreFactory
{
    /// <summary>The environment variable that names the database when --db is not given.</summary>
    public const string EnvironmentVariable = "PAYERATLAS_DB";

    public static bool IsPostgres(string db) => PostgresConnectionString.IsPostgres(db);

    /// <summary>The database as it may be printed: a SQLite file's full path, or the server without its password.</summary>
    public static string Describe(string db) => IsPostgres(db) ? PostgresConnectionString.Redact(db) : Path.GetFullPath(db);

    /// <param name="create">Create a missing SQLite file (imports); when false a missing file is an error (serving).</param>
    /// <exception cref="IOException">The database cannot be reached or opened; the message names it (never its password).</exception>
    public static IPayerAtlasStore Open(string db, bool create = true)
    {
        if (IsPostgres(db))
        {
            return Migrated(new PostgresStore(db), db);
        }

        if (!create && !File.Exists(db))
        {
            throw new FileNotFoundException($"database {Path.GetFullPath(db)} does not exist: import a release first (payeratlas import … --db {db})", db);
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(db));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        return Migrated(new SqliteStore(db), db);
    }

    static IPayerAtlasStore Migrated(IPayerAtlasStore store, string db)
    {
        try
        {
            store.Migrate();
            return store;
        }
        catch (Exception e) when (e is DbException or TimeoutException or System.Net.Sockets.SocketException)
        {
            store.Dispose();
            throw new IOException($"cannot open database {Describe(db)}: {e.Message}", e);
        }
    }
}
