using System.Globalization;
using Microsoft.Data.Sqlite;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Sqlite;

/// <summary>The embedded store: one SQLite file in WAL mode. Each import is one transaction.</summary>
public sealed class SqliteStore : IPayerAtlasStore
{
    readonly SqliteConnection connection;
    readonly string connectionString;

    public SqliteStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
        connection = Open(connectionString);
    }

    public string Path { get; }

    internal static SqliteConnection Open(string connectionString)
    {
        var c = new SqliteConnection(connectionString);
        c.Open();
        c.Execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;");
        return c;
    }

    public void Migrate()
    {
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        var current = Convert.ToInt32(connection.Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);
        for (var v = current; v < SqliteSchema.Migrations.Length; v++)
        {
            using var tx = connection.BeginTransaction();
            connection.Execute(SqliteSchema.Migrations[v], tx);
            connection.Execute($"INSERT INTO schema_version (version) VALUES ({v + 1})", tx);
            tx.Commit();
        }

        SqliteSearchIndex.Backfill(connection);
    }

    public IReadOnlyList<ReleaseInfo> ListReleases() => ReadReleases(connection, null);

    public ReleaseInfo? FindRelease(string? label = null) => ReadReleases(connection, label ?? "").FirstOrDefault();

    /// <remarks>On a connection of its own: the store's other calls (and other readers) keep seeing committed releases only.</remarks>
    public IReleaseImport BeginImport(string label) => new SqliteReleaseImport(Open(connectionString), label);

    public IReleaseReader OpenReader(ReleaseInfo release) => new SqliteReleaseReader(Open(connectionString), release);

    public void Dispose() => connection.Dispose();

    /// <param name="label">null: all releases; "": the current one; otherwise that label.</param>
    internal static List<ReleaseInfo> ReadReleases(SqliteConnection c, string? label, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = label switch
        {
            null => "SELECT id, label, imported_at, is_current FROM releases ORDER BY id",
            "" => "SELECT id, label, imported_at, is_current FROM releases WHERE is_current = 1",
            _ => "SELECT id, label, imported_at, is_current FROM releases WHERE label = $label",
        };
        cmd.Parameters.AddWithValue("$label", label ?? "");
        var releases = new List<(long Id, string Label, DateTimeOffset At, bool Current)>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                releases.Add((r.GetInt64(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture), r.GetInt64(3) == 1));
            }
        }

        return releases.Select(x => new ReleaseInfo(x.Id, x.Label, x.At, x.Current, ReadSources(c, x.Id, tx))).ToList();
    }

    static List<ReleaseSource> ReadSources(SqliteConnection c, long releaseId, SqliteTransaction? tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT id, file, kind, publisher, sha256, row_count, carried_from FROM release_sources WHERE release_id = $r ORDER BY id";
        cmd.Parameters.AddWithValue("$r", releaseId);
        using var r = cmd.ExecuteReader();
        var sources = new List<ReleaseSource>();
        while (r.Read())
        {
            sources.Add(new ReleaseSource(r.GetInt64(0), r.GetString(1), Enum.Parse<SourceKind>(r.GetString(2)), r.GetString(3),
                r.GetString(4), r.GetInt64(5), r.IsDBNull(6) ? null : r.GetString(6)));
        }

        return sources;
    }
}
