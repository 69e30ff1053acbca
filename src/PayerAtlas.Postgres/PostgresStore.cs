using Npgsql;
using PayerAtlas.Sources;
using PayerAtlas.Store;

namespace PayerAtlas.Postgres;

/// <summary>
/// The store on a PostgreSQL server, for shared deployments: the same migrations, releases and rows as the SQLite
/// store. Connections come from one pooled data source: each import is one transaction on its own connection, each
/// reader holds its own, so a site keeps reading committed releases while an import runs (MVCC).
/// </summary>
public sealed class PostgresStore : IPayerAtlasStore
{
    /// <summary>Advisory lock keys: one migrator at a time; one import switches the current release at a time.</summary>
    internal const long MigrateLock = 0x5041_4D49_4752; // "PAMIGR"
    internal const long CommitLock = 0x5041_434F_4D4D; // "PACOMM"

    readonly NpgsqlDataSource dataSource;

    /// <param name="connectionString">Npgsql keywords (Host=…;Database=…) or a postgres:// URL.</param>
    public PostgresStore(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToKeywords(connectionString));
        Description = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Where the store is, without the password (for messages and logs).</summary>
    public string Description { get; }

    internal NpgsqlConnection Open() => dataSource.OpenConnection();

    public void Migrate()
    {
        using var c = Open();
        while (true)
        {
            using var tx = c.BeginTransaction();
            c.Execute($"SELECT pg_advisory_xact_lock({MigrateLock})", tx);
            c.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", tx);
            var current = Convert.ToInt32(c.Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", tx), System.Globalization.CultureInfo.InvariantCulture);
            if (current >= PostgresSchema.Migrations.Length)
            {
                tx.Commit();
                break;
            }

            c.Execute(PostgresSchema.Migrations[current], tx);
            c.Execute($"INSERT INTO schema_migrations (version) VALUES ({current + 1})", tx);
            tx.Commit();
        }

        PostgresSearchIndex.Backfill(c);
    }

    public IReadOnlyList<ReleaseInfo> ListReleases()
    {
        using var c = Open();
        return ReadReleases(c, null);
    }

    public ReleaseInfo? FindRelease(string? label = null)
    {
        using var c = Open();
        return ReadReleases(c, label ?? "").FirstOrDefault();
    }

    public IReleaseImport BeginImport(string label) => new PostgresReleaseImport(Open(), label);

    public IReleaseReader OpenReader(ReleaseInfo release) => new PostgresReleaseReader(dataSource, release);

    public void Dispose() => dataSource.Dispose();

    /// <param name="label">null: all releases; "": the current one; otherwise that label.</param>
    internal static List<ReleaseInfo> ReadReleases(NpgsqlConnection c, string? label, NpgsqlTransaction? tx = null)
    {
        var where = label switch
        {
            null => "",
            "" => "WHERE is_current",
            _ => "WHERE label = @label",
        };
        var releases = new List<(long Id, string Label, DateTimeOffset At, bool Current)>();
        using (var cmd = new NpgsqlCommand($"SELECT id, label, imported_at, is_current FROM releases {where} ORDER BY id", c, tx))
        {
            cmd.Parameters.AddWithValue("label", label ?? "");
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                releases.Add((r.GetInt64(0), r.GetString(1), new DateTimeOffset(r.GetDateTime(2), TimeSpan.Zero), r.GetBoolean(3)));
            }
        }

        var sources = releases.ToDictionary(x => x.Id, _ => new List<ReleaseSource>());
        if (releases.Count > 0)
        {
            using var cmd = new NpgsqlCommand(
                "SELECT release_id, id, file, kind, publisher, sha256, row_count, carried_from FROM release_sources WHERE release_id = ANY(@ids) ORDER BY id", c, tx);
            cmd.Parameters.AddWithValue("ids", releases.Select(x => x.Id).ToArray());
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                sources[r.GetInt64(0)].Add(new ReleaseSource(r.GetInt64(1), r.GetString(2), Enum.Parse<SourceKind>(r.GetString(3)), r.GetString(4),
                    r.GetString(5), r.GetInt64(6), r.IsDBNull(7) ? null : r.GetString(7)));
            }
        }

        return releases.Select(x => new ReleaseInfo(x.Id, x.Label, x.At, x.Current, sources[x.Id])).ToList();
    }
}
