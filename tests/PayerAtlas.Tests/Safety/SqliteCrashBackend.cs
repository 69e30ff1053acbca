using Microsoft.Data.Sqlite;
using PayerAtlas.Sqlite;
using PayerAtlas.Store;

namespace PayerAtlas.Tests.Safety;

/// <summary>A SQLite file (WAL mode, as the CLI opens it), checked with integrity_check and foreign_key_check.</summary>
public sealed class SqliteCrashBackend : CrashBackend
{
    readonly TempDir dir = new();

    public override string Name => "SQLite";

    public override string Db => dir.File("atlas.db");

    public override IPayerAtlasStore Open()
    {
        var store = new SqliteStore(Db);
        store.Migrate();
        return store;
    }

    public override IReadOnlyList<string> Problems()
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Db, Pooling = false }.ToString());
        c.Open();
        var problems = new List<string>();
        foreach (var (pragma, ok) in new[] { ("integrity_check", "ok"), ("foreign_key_check", null as string) })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA {pragma}";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var row = string.Join(" ", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "null" : r.GetValue(i).ToString()));
                if (row != ok)
                {
                    problems.Add($"{pragma}: {row}");
                }
            }
        }

        var tables = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'release_id')";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                tables.Add(r.GetString(0));
            }
        }

        problems.AddRange(CrashBackend.Consistency(tables, sql =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }));
        return problems;
    }

    public override void Dispose() => dir.Dispose();
}
